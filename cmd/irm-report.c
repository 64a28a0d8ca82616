/*
 * irm-report - turn insights into alerts
 *
 *	irm-report [-uv] [-f format] [-o file] [-r file] [-S dir]
 *	    [--allow-empty] [--by-user] [--events file]
 *	    [--fail-on low|medium|high] [--fail-on-new low|medium|high]
 *	    [--no-color] [--organization-id guid] [--risk-levels] [file ...]
 *
 * Reads insights (irm-insight(5)) from the files or stdin and writes an
 * alert record (one JSON line) each time an insight opens or changes the
 * alert of its user and policy.  A replayed insight changes nothing.  With
 * --fail-on the exit status is 4 when an alert at or above that severity
 * exists, for compliance checks in CI, each such alert named on stderr;
 * --fail-on-new counts only the alerts this run opened or changed.  --by-user
 *writes instead, at the end, one record per user across policies, by risk.
 * -v ends the run with the counts and the time on stderr; on a terminal,
 * a long run shows its progress there.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_format.h"
#include "irm_json.h"
#include "irm_report.h"
#include "irm_store.h"

static _Noreturn void usage(int code);

struct opts {
	int fail_on;  /* 0, or the severity 1-3 */
	int fail_new; /* --fail-on-new: only alerts this run changed */
	int allow_empty;
	int unbuffered;
	FILE *reject;
	const char *output, *rejfile, *store;
	const char *events; /* --events */
	int risk_levels;
	int by_user;  /* --by-user */
	int format;   /* enum irm_out */
	int no_color; /* --no-color */
	int verbose;  /* -v */
};

/* The alerts a document format lists at the end: those that changed. */
static struct irm_alert **changed;
static size_t nchanged, capchanged;

/*
 * The alerts this run opened or changed, for --fail-on-new: each change
 * is appended, and the list is made distinct when it fills, so that it
 * grows with the alerts, not with the insights.
 */
static struct irm_alert **touched;
static size_t ntouched, captouched;

static int
severity_parse(const char *opt, const char *s)
{
	int sev = irm_severity_parse(s);

	if (sev != 0)
		return sev;
	irm_errx(
	    IRM_EXIT_USAGE, "%s: expected low, medium or high: %s", opt, s);
}

static int
ptr_cmp(const void *a, const void *b)
{
	const struct irm_alert *x = *(struct irm_alert *const *)a;
	const struct irm_alert *y = *(struct irm_alert *const *)b;

	return (x > y) - (x < y);
}

/* Sort the list by address and drop the repeats. */
static size_t
distinct(struct irm_alert **v, size_t n)
{
	return irm_sort_distinct(v, n, sizeof(*v), ptr_cmp);
}

static void
touch(struct irm_alert *al)
{
	if (ntouched && touched[ntouched - 1] == al)
		return;
	if (ntouched == captouched) {
		ntouched = distinct(touched, ntouched);
		if (ntouched >= captouched / 2) {
			captouched = captouched ? captouched * 2 : 64;
			touched = irm_xrealloc(
			    touched, captouched * sizeof(*touched));
		}
	}
	touched[ntouched++] = al;
}

/*
 * The gate: the open alerts at or above --fail-on (of this run only, with
 * --fail-on-new), each named on stderr in queue order.  Returns how many.
 */
static size_t
gate(const struct opts *o, const struct irm_alerts *a)
{
	char user[IRM_QUOTE_LEN], policy[IRM_QUOTE_LEN];
	struct irm_alert **v, *al;
	size_t i, n = 0, all;

	all = o->fail_new ? distinct(touched, ntouched) : irm_alerts_count(a);
	v = irm_xrealloc(NULL, (all ? all : 1) * sizeof(*v));
	for (i = 0; i < all; i++) {
		al = o->fail_new ? touched[i] : irm_alerts_at(a, i);
		if (irm_alert_open(al) && irm_alert_severity(al) >= o->fail_on)
			v[n++] = al;
	}
	if (n)
		qsort(v, n, sizeof(*v), irm_alert_cmp_queue);
	for (i = 0; i < n; i++) {
		irm_str_quote(v[i]->user, strlen(v[i]->user), user);
		irm_str_quote(v[i]->policy, strlen(v[i]->policy), policy);
		irm_warnx("%s: user %s, policy %s, severity %s, score %d",
		    v[i]->id, user, policy,
		    irm_severity_name(irm_alert_severity(v[i])),
		    irm_alert_score(v[i]));
	}
	if (n)
		irm_warnx("%zu %salert%s at or above %s (--fail-on%s %s)", n,
		    o->fail_new ? "new or changed " : "", n == 1 ? "" : "s",
		    irm_severity_name(o->fail_on), o->fail_new ? "-new" : "",
		    irm_severity_name(o->fail_on));
	free(v);
	return n;
}

/* Messages about records of another stage (irm_stage_count). */
static struct irm_stage_gate stage_gate;

static void
reject(const struct opts *o, const char *file, unsigned long line,
    struct json_object *obj, const char *raw, size_t len, const char *why)
{
	struct irm_pos pos = {file, line};
	const char *hint;

	if (irm_stage_count(&stage_gate, file, irm_stage_guess(obj, raw, len),
	        IRM_STAGE_INSIGHT, &hint))
		irm_warnx_at(&pos, "%s", why);
	if (hint)
		irm_warnx("%s: %s", file, hint);
	if (o->reject && raw &&
	    (fwrite(raw, 1, len, o->reject) != len ||
	        fputc('\n', o->reject) == EOF))
		irm_err(IRM_EXIT_FATAL, "reject file");
}

/* A streaming format writes the change; the others keep the alert. */
static void
emit(const struct opts *o, struct irm_alert *al, int fresh, struct irm_buf *out)
{
	if (o->risk_levels || o->by_user)
		return;
	if (irm_out_streams(o->format)) {
		irm_out_record(o->format, al, fresh ? "new" : "updated", out);
		return;
	}
	if (nchanged && changed[nchanged - 1] == al)
		return;
	if (nchanged == capchanged) {
		capchanged = capchanged ? capchanged * 2 : 64;
		changed = irm_xrealloc(changed, capchanged * sizeof(*changed));
	}
	changed[nchanged++] = al;
}

/*
 * The document of the changed alerts, in queue order, each once.
 * Colour only for a table on a terminal, without --no-color or NO_COLOR.
 */
static int
color_ok(const struct opts *o)
{
	const char *nc = getenv("NO_COLOR");

	return o->format == IRM_OUT_TABLE && !o->no_color &&
	    (nc == NULL || *nc == '\0') && isatty(STDOUT_FILENO);
}

/*
 * The events behind the n alerts v, from the events file: one pass that
 * keeps only their evidence.  What could not be joined is said once.
 */
static struct irm_evidence *
evidence(const char *file, struct irm_alert *const *v, size_t n)
{
	struct irm_evidence *x = irm_evidence_new();
	struct irm_error e;

	irm_evidence_want_alerts(x, v, n);
	if (irm_evidence_read(x, file, irm_warn_print, NULL, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "--events: %s", e.msg);
	return x;
}

static void
render(const struct opts *o)
{
	int color = color_ok(o);
	struct irm_evidence *x = NULL;
	struct irm_buf out;
	size_t i, n = 0;

	if (irm_out_streams(o->format) || o->risk_levels || o->by_user)
		return;
	if (nchanged)
		qsort(changed, nchanged, sizeof(*changed), irm_alert_cmp_queue);
	for (i = 0; i < nchanged; i++)
		if (n == 0 || changed[n - 1] != changed[i])
			changed[n++] = changed[i];
	if (o->events)
		x = evidence(o->events, changed, n);
	irm_buf_init(&out, (size_t)1 << 30);
	irm_out_report_ev(o->format, changed, n, color, x, &out);
	irm_evidence_free(x);
	if (out.data == NULL)
		irm_errx(IRM_EXIT_FATAL, "report too large");
	if (fwrite(out.data, 1, out.len, stdout) != out.len)
		irm_err(IRM_EXIT_FATAL, "stdout");
	irm_buf_free(&out);
	free(changed);
}

/* The per-user view of every open alert, in the -f format. */
static void
render_users(const struct opts *o, const struct irm_alerts *a)
{
	struct irm_user_risk *u;
	struct irm_evidence *x = NULL;
	struct irm_alert **v;
	struct irm_buf out;
	size_t n, i, j, k;

	u = irm_user_risks(a, &n);
	if (o->events) {
		for (i = 0, k = 0; i < n; i++)
			k += u[i].nalerts;
		v = irm_xcalloc(k + 1, sizeof(*v));
		for (i = 0, k = 0; i < n; i++)
			for (j = 0; j < u[i].nalerts; j++)
				v[k++] = u[i].alerts[j];
		x = evidence(o->events, v, k);
		free(v);
	}
	irm_buf_init(&out, (size_t)1 << 30);
	irm_out_users_ev(o->format, u, n, color_ok(o), x, &out);
	irm_evidence_free(x);
	if (out.data == NULL && n > 0)
		irm_errx(IRM_EXIT_FATAL, "report too large");
	if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len)
		irm_err(IRM_EXIT_FATAL, "stdout");
	irm_buf_free(&out);
	irm_user_risks_free(u, n);
}

/*
 * Insights are folded in batches: with a store, each batch is one locked
 * append, so an analyst's irm-case waits for a batch, never for the
 * input.  Output follows the commit: what is reported is in the store.
 */
#define BATCH 256

struct run {
	const struct opts *o;
	struct irm_state *st;
	struct irm_store *store;
	struct json_object *batch[BATCH];
	size_t n;
	struct irm_buf out;
	struct irm_progress prog;
};

static void
store_entry(struct run *r, const struct irm_alert *al, int fresh,
    struct json_object *ins)
{
	struct irm_error e;
	struct irm_buf d;

	irm_buf_init(&d, 64L << 20);
	irm_buf_adds(&d, "{\"alert\":");
	irm_json_quote(&d, al->id);
	irm_buf_printf(&d, ",\"episode\":%d,\"insight\":%s}", al->episode,
	    json_object_to_json_string_ext(
	        ins, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	if (d.data == NULL ||
	    irm_store_append(r->store, irm_store_now(),
	        fresh ? "alert.opened" : "alert.updated", "irm-report", d.data,
	        &e) == -1) {
		irm_store_commit(r->store, &e);
		irm_errx(IRM_EXIT_FATAL, "%s",
		    d.data ? e.msg : "store: insight too long");
	}
	irm_buf_free(&d);
}

static void
flush(struct run *r)
{
	struct irm_alert *al;
	struct irm_error e;
	size_t i;
	int fresh;

	if (r->store &&
	    irm_store_begin(r->store, "irm-report", irm_state_fold, r->st,
	        irm_warn_print, NULL, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "%s: refusing to append", e.msg);
	for (i = 0; i < r->n; i++) {
		if (irm_alerts_add(
		        r->st->alerts, r->batch[i], &al, &fresh, &e) == 1) {
			if (r->store)
				store_entry(r, al, fresh, r->batch[i]);
			emit(r->o, al, fresh, &r->out);
			r->prog.out++;
			if (r->o->fail_new)
				touch(al);
		}
		json_object_put(r->batch[i]);
	}
	r->n = 0;
	if (r->store && irm_store_commit(r->store, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	if (r->out.len &&
	    fwrite(r->out.data, 1, r->out.len, stdout) != r->out.len)
		irm_err(IRM_EXIT_FATAL, "stdout");
	if (r->out.len && r->o->unbuffered && fflush(stdout) == EOF)
		irm_err(IRM_EXIT_FATAL, "stdout");
	irm_buf_reset(&r->out);
}

/* Read every insight; returns 1 when some input was rejected. */
static int
run(struct run *r, int argc, char **argv)
{
	struct irm_input *in = irm_input_new(argc, argv, 16L << 20);
	struct irm_jread *jr = irm_jread_new(in);
	size_t max = r->o->unbuffered ? 1 : BATCH;
	struct json_object *obj;
	struct irm_jrec rec;
	struct irm_error e;
	int rc, rval = 0;

	irm_input_set_spill(in, r->o->reject);
	while ((rc = irm_input_next_file(in, &e)) != 0) {
		if (rc == -1) {
			irm_warnx("%s", e.msg);
			r->prog.rejected++;
			rval = 1;
			continue;
		}
		irm_jread_reset(jr);
		while ((rc = irm_jread_next(jr, &obj, &rec, &e)) !=
		    IRM_JREAD_EOF) {
			if (rc == IRM_JREAD_FATAL)
				irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
			if (rc == IRM_JREAD_RECORD &&
			    irm_insight_check(obj, &e) == -1)
				rc = IRM_JREAD_BAD;
			else if (rc == IRM_JREAD_BAD)
				obj = NULL;
			r->prog.in++;
			irm_progress_tick(&r->prog, irm_input_name(in));
			if (rc == IRM_JREAD_BAD) {
				reject(r->o, irm_input_name(in), rec.line, obj,
				    rec.raw, rec.rawlen, e.msg);
				r->prog.rejected++;
				rval = 1;
				continue;
			}
			r->batch[r->n++] = json_object_get(obj);
			if (r->n == max)
				flush(r);
		}
		if (irm_stage_end(&stage_gate, &e))
			irm_warnx("%s", e.msg);
	}
	if (r->n)
		flush(r);
	irm_jread_free(jr);
	irm_input_free(in);
	return rval;
}

enum {
	OPT_ALLOW_EMPTY = 256,
	OPT_BY_USER,
	OPT_EVENTS,
	OPT_FAIL_ON,
	OPT_FAIL_ON_NEW,
	OPT_NO_COLOR,
	OPT_RISK_LEVELS,
	OPT_ORGANIZATION
};

static const struct irm_opt opts[] = {
    {'f', "format", "format",
        "write jsonl, csv, table, html, o365 or ocsf (default: jsonl)"},
    IRM_OPT_HELP,
    {'o', "output", "file", "write to file, truncated first (default: stdout)"},
    IRM_OPT_REJECT,
    {'S', "store", "dir",
        "keep the alerts in the store dir, report what changed (default: none)"},
    {'u', "unbuffered", NULL, "flush the output after each alert record"},
    {'v', "verbose", NULL,
        "end with the insights in, alert records out and rejected, and the time, on stderr"},
    IRM_OPT_VERSION,
    {OPT_ALLOW_EMPTY, "allow-empty", NULL,
        "with --fail-on, accept an input without insights (exit 0, not 3)"},
    {OPT_BY_USER, "by-user", NULL,
        "write one record per user across policies instead of alerts"},
    {OPT_EVENTS, "events", "file",
        "with -f table or html, show the events behind each alert from this events file (default: none)"},
    {OPT_FAIL_ON, "fail-on", "low|medium|high",
        "exit 4 if an open alert reaches this severity (default: never)"},
    {OPT_FAIL_ON_NEW, "fail-on-new", "low|medium|high",
        "as --fail-on, counting only alerts this run opened or changed (default: never)"},
    {OPT_NO_COLOR, "no-color", NULL,
        "never colour the table (default: colour on a terminal)"},
    {OPT_ORGANIZATION, "organization-id", "guid",
        "the tenant's GUID, OrganizationId of -f o365 (default: the nil GUID)"},
    {OPT_RISK_LEVELS, "risk-levels", NULL,
        "write one insider risk level per user instead of alerts"},
    {0, NULL, NULL, NULL},
};

static const char synopsis[] =
    "usage: irm-report [-uv] [-f format] [-o file] [-r file] [-S dir]\n"
    "                  [--allow-empty] [--by-user] [--events file]\n"
    "                  [--fail-on low|medium|high]\n"
    "                  [--fail-on-new low|medium|high] [--no-color]\n"
    "                  [--organization-id guid] [--risk-levels] [file ...]\n";

int
main(int argc, char *argv[])
{
	struct opts o = {0};
	struct run r = {0};
	struct irm_error e;
	struct option lo[IRM_OPT_MAX];
	char so[2 * IRM_OPT_MAX];
	int ch, rval;

	irm_setprogname(argv[0]);
	if (irm_opt_getopt(opts, "", so, sizeof(so), lo, IRM_OPT_MAX) == -1)
		irm_errx(IRM_EXIT_FATAL, "option table too large");
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if ((o.format = irm_out_parse(optarg)) == -1)
				irm_errx(IRM_EXIT_USAGE,
				    "-f: expected jsonl, csv, table, html, o365 or ocsf: %s",
				    optarg);
			break;
		case 'h':
			usage(IRM_EXIT_OK);
		case 'o':
			o.output = optarg;
			break;
		case 'r':
			o.rejfile = optarg;
			break;
		case 'S':
			o.store = optarg;
			break;
		case 'u':
			o.unbuffered = 1;
			break;
		case 'v':
			o.verbose = 1;
			break;
		case 'V':
			printf("irm-report %s\n", IRM_VERSION);
			exit(IRM_EXIT_OK);
		case OPT_ALLOW_EMPTY:
			o.allow_empty = 1;
			break;
		case OPT_BY_USER:
			o.by_user = 1;
			break;
		case OPT_EVENTS:
			o.events = optarg;
			break;
		case OPT_FAIL_ON:
			if (o.fail_on && o.fail_new)
				irm_errx(IRM_EXIT_USAGE,
				    "--fail-on and --fail-on-new: choose one");
			o.fail_on = severity_parse("--fail-on", optarg);
			break;
		case OPT_FAIL_ON_NEW:
			if (o.fail_on && !o.fail_new)
				irm_errx(IRM_EXIT_USAGE,
				    "--fail-on and --fail-on-new: choose one");
			o.fail_on = severity_parse("--fail-on-new", optarg);
			o.fail_new = 1;
			break;
		case OPT_NO_COLOR:
			o.no_color = 1;
			break;
		case OPT_RISK_LEVELS:
			o.risk_levels = 1;
			break;
		case OPT_ORGANIZATION:
			if (irm_out_set_organization(optarg) == -1)
				irm_errx(IRM_EXIT_USAGE,
				    "--organization-id: expected a GUID (8-4-4-4-12 hex digits): %s",
				    optarg);
			break;
		default:
			usage(IRM_EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (o.by_user && o.risk_levels)
		irm_errx(IRM_EXIT_USAGE,
		    "--by-user and --risk-levels: choose one view");
	if (o.by_user && (o.format == IRM_OUT_O365 || o.format == IRM_OUT_OCSF))
		irm_errx(IRM_EXIT_USAGE,
		    "--by-user: expected -f jsonl, csv, table or html: %s",
		    irm_out_name(o.format));
	/* Events show in html, and in the table of alerts (not of users). */
	if (o.events &&
	    (o.risk_levels ||
	        (o.format != IRM_OUT_HTML &&
	            (o.format != IRM_OUT_TABLE || o.by_user))))
		irm_errx(IRM_EXIT_USAGE,
		    "--events: expected -f html, or -f table without --by-user, and no --risk-levels");
	if (o.rejfile && (o.reject = irm_open_reject(o.rejfile)) == NULL)
		irm_err(IRM_EXIT_USAGE, "reject file: %s", o.rejfile);
	if (o.output && irm_out_stdout(o.output, IRM_OUT_TRUNC) == -1)
		irm_err(IRM_EXIT_USAGE, "%s", o.output);
	r.o = &o;
	r.st = irm_state_new();
	irm_buf_init(&r.out, (size_t)1 << 30);
	if (o.store && (r.store = irm_store_open(o.store, 1, &e)) == NULL)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	if (o.store)
		irm_dir_check(o.store, 0, "store", irm_warn_print, NULL);
	if (r.store)
		flush(&r); /* fold the journal: --fail-on sees the store */
	irm_progress_start(&r.prog, "insights",
	    isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO));
	rval = run(&r, argc, argv) ? IRM_EXIT_REJECT : IRM_EXIT_OK;
	irm_progress_end(&r.prog);
	if (o.risk_levels) {
		irm_risk_levels(r.st->alerts, &r.out);
		if (r.out.len &&
		    fwrite(r.out.data, 1, r.out.len, stdout) != r.out.len)
			irm_err(IRM_EXIT_FATAL, "stdout");
	}
	if (o.by_user)
		render_users(&o, r.st->alerts);
	render(&o);
	if (irm_out_close(stdout) == -1)
		irm_err(IRM_EXIT_FATAL, "stdout");
	if (o.reject && irm_out_close(o.reject) == -1)
		irm_err(IRM_EXIT_FATAL, "reject file");
	if (o.verbose)
		irm_progress_summary(&r.prog, "alert records");
	/* An empty gate must not pass: upstream may have failed silently. */
	if (o.fail_on && irm_alerts_insights(r.st->alerts) == 0 &&
	    !o.allow_empty) {
		irm_warnx(
		    "no insights read (use --allow-empty if none is right)");
		rval = IRM_EXIT_FATAL;
	} else if (o.fail_on && rval != IRM_EXIT_FATAL &&
	    gate(&o, r.st->alerts) > 0)
		rval = IRM_EXIT_FINDINGS;
	free(touched);
	irm_state_free(r.st);
	irm_store_close(r.store);
	irm_buf_free(&r.out);
	return rval;
}

static void
usage(int code)
{
	irm_usage(code, synopsis, opts, NULL);
}
