/*
 * irm-case - the analyst's tool over the store (irm-store(5))
 *
 *	irm-case [-v] [-S dir] [--by name] command [args]
 *
 * Commands: list, show, confirm, dismiss, note, notice, resolve, verify,
 * reveal.  Reading commands take a shared lock; actions lock the journal,
 * fold it, check that the action is allowed in the current status and
 * append one entry.  An action that is not allowed writes nothing and
 * exits 2.  -v ends the run with the counts and the time on stderr
 * (journal entries in, alerts, cases or entries out, refused actions or
 * verify's problems rejected); on a terminal, a long read of the journal
 * shows its progress there.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_format.h"
#include "irm_json.h"
#include "irm_notice.h"
#include "irm_report.h"
#include "irm_reveal.h"
#include "irm_store.h"

static _Noreturn void usage(int code);
static void flush_out(struct irm_buf *out);

struct ctx {
	const char *dir;
	const char *by;
	struct irm_store *store;
	struct irm_state *st;
	int writing;
	int verbose;              /* -v */
	struct irm_progress prog; /* in: journal entries read */
	const char *out_what;     /* what prog.out counts */
};

/* irm_store_on_line: count the entries, draw and erase the line. */
static void
on_line(void *arg, int end)
{
	struct ctx *c = arg;

	if (end) {
		irm_progress_end(&c->prog);
		return;
	}
	c->prog.in++;
	irm_progress_tick(&c->prog, irm_store_path(c->store));
}

/* Open the store, counting what is read for -v and the progress line. */
static void
open_store(struct ctx *c, int write)
{
	struct irm_error e;

	if (c->dir == NULL)
		irm_errx(IRM_EXIT_USAGE, "no store: give -S DIR or IRM_STORE");
	if ((c->store = irm_store_open(c->dir, write, &e)) == NULL)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	irm_store_on_line(c->store, on_line, c);
}

static void
summary(struct ctx *c)
{
	if (c->verbose)
		irm_progress_summary(&c->prog, c->out_what);
}

/* Reading commands: the whole state under a shared lock. */
static void
load(struct ctx *c)
{
	struct irm_error e;
	size_t torn;

	open_store(c, 0);
	c->st = irm_state_new();
	if (irm_store_read(c->store, irm_state_fold, c->st, &torn, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	if (torn)
		irm_warnx(
		    "%s: torn last line (%zu bytes) ignored; the next writer repairs it",
		    irm_store_path(c->store), torn);
}

/* Actions: the state under the write lock, held until done(). */
static void
begin(struct ctx *c)
{
	struct irm_error e;

	open_store(c, 1);
	irm_dir_check(c->dir, 0, "store", irm_warn_print, NULL);
	c->st = irm_state_new();
	if (irm_store_begin(c->store, c->by, irm_state_fold, c->st,
	        irm_warn_print, NULL, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "%s: refusing to append", e.msg);
	c->writing = 1;
}

/* Refuse an action: nothing is written. */
static _Noreturn IRM_PRINTF(2, 3) void refuse(
    struct ctx *c, const char *fmt, ...)
{
	struct irm_error e;
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (c->writing)
		irm_store_commit(c->store, &e);
	irm_warnx("%s", msg);
	c->prog.rejected++;
	summary(c);
	exit(IRM_EXIT_USAGE);
}

static void
append(struct ctx *c, const char *type, struct irm_buf *data)
{
	struct irm_error e;

	if (data->data == NULL)
		refuse(c, "entry too long");
	/* The journal is JSON: UTF-8 only, checked before the lock is used. */
	if (irm_utf8_check(data->data, data->len) ||
	    irm_utf8_check(c->by, strlen(c->by)))
		refuse(c, "a text or name is not valid UTF-8");
	if (irm_store_append(
	        c->store, irm_store_now(), type, c->by, data->data, &e) == -1) {
		irm_store_commit(c->store, &e);
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	}
	c->prog.out++;
	irm_buf_reset(data);
}

static void
done(struct ctx *c)
{
	struct irm_error e;

	if (c->writing && irm_store_commit(c->store, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	c->writing = 0;
}

static struct irm_alert *
need_alert(struct ctx *c, const char *id)
{
	struct irm_alert *al = irm_alerts_find(c->st->alerts, id);

	if (al == NULL)
		refuse(c, "%s: no such alert", id);
	return al;
}

static struct irm_case *
need_case(struct ctx *c, const char *id, int active)
{
	struct irm_case *k = irm_state_case(c->st, id);

	if (k == NULL)
		refuse(c, "%s: no such case", id);
	if (active && k->status != IRM_CASE_ACTIVE)
		refuse(c, "%s: the case is closed (%s)", id, k->resolution);
	return k;
}

/* {"case":ID plus more keys, unclosed */
static void
data_case(struct irm_buf *d, const char *id)
{
	irm_buf_adds(d, "{\"case\":");
	irm_json_quote(d, id);
}

static void
data_str(struct irm_buf *d, const char *key, const char *v)
{
	irm_buf_printf(d, ",\"%s\":", key);
	irm_json_quote(d, v);
}

static void cmd_usage(const char *name, int code);

/*
 * getopt_long over a command's own arguments (argv[0] the command), from
 * its option table; -h or --help prints the command's help.
 */
static int
subopt(int argc, char **argv, const char *prefix, const struct irm_opt *opts)
{
	struct option lo[IRM_OPT_MAX];
	char so[2 * IRM_OPT_MAX];
	int ch;

	if (irm_opt_getopt(opts, prefix, so, sizeof(so), lo, IRM_OPT_MAX) == -1)
		irm_errx(IRM_EXIT_FATAL, "option table too large");
	ch = getopt_long(argc, argv, so, lo, NULL);
	if (ch == 'h')
		cmd_usage(argv[0], IRM_EXIT_OK);
	if (ch == '?' || ch == ':')
		usage(IRM_EXIT_USAGE);
	return ch;
}

static void
need_args(int argc, int n)
{
	if (argc != n)
		usage(IRM_EXIT_USAGE);
}

enum {
	O_ACTION = 256,
	O_CASE,
	O_CASES,
	O_DIRECTORY,
	O_EVENTS,
	O_FORMAT,
	O_FROM,
	O_HEAD,
	O_KEY,
	O_NEW_CASE,
	O_ORGANIZATION,
	O_POLICY,
	O_REASON,
	O_SEVERITY,
	O_SINCE,
	O_STATUS,
	O_SUBJECT,
	O_TEMPLATE,
	O_TO,
	O_UNTIL,
	O_USER
};

/* The options of each command; -h and --help print its help. */
static const struct irm_opt help_opts[] = {
    {'h', "help", NULL, "print this command's help and exit"},
    {0, NULL, NULL, NULL},
};

static const struct irm_opt list_opts[] = {
    {'f', "format", "format",
        "write jsonl, csv, table, html, o365 or ocsf (default: jsonl)"},
    {'h', "help", NULL, "print this command's help and exit"},
    {O_CASES, "cases", NULL, "list the cases instead of the alerts"},
    {O_ORGANIZATION, "organization-id", "guid",
        "the tenant's GUID, OrganizationId of -f o365 (default: the nil GUID)"},
    {O_POLICY, "policy", "name", "only alerts of this policy (default: all)"},
    {O_SEVERITY, "severity", "level",
        "only alerts of this severity, low, medium or high (default: all)"},
    {O_SINCE, "since", "time",
        "only alerts last seen at or after time (default: all)"},
    {O_STATUS, "status", "status",
        "only alerts (or cases) with this status (default: all)"},
    {O_UNTIL, "until", "time",
        "only alerts first seen at or before time (default: all)"},
    {O_USER, "user", "name",
        "only alerts (or cases) of this user (default: all)"},
    {0, NULL, NULL, NULL},
};

static const struct irm_opt show_opts[] = {
    {'h', "help", NULL, "print this command's help and exit"},
    {O_EVENTS, "events", "file",
        "show the events behind the alert's insights from this events file (default: none)"},
    {0, NULL, NULL, NULL},
};

static const struct irm_opt confirm_opts[] = {
    {'h', "help", NULL, "print this command's help and exit"},
    {O_CASE, "case", "id",
        "add the alert to this active case of its user (default: a new case)"},
    {O_NEW_CASE, "new-case", "name",
        "open a new case with this name (default: a new case without a name)"},
    {0, NULL, NULL, NULL},
};

static const struct irm_opt dismiss_opts[] = {
    {'h', "help", NULL, "print this command's help and exit"},
    {O_REASON, "reason", "text", "why, kept in the alert's history (required)"},
    {0, NULL, NULL, NULL},
};

static const struct irm_opt notice_opts[] = {
    {'h', "help", NULL, "print this command's help and exit"},
    {O_FROM, "from", "address", "the sender (default: the template's From:)"},
    {O_SUBJECT, "subject", "text",
        "the subject (default: the template's Subject:)"},
    {O_TEMPLATE, "template", "file", "the notice template (required)"},
    {O_TO, "to", "address", "the recipient (default: the case's user)"},
    {0, NULL, NULL, NULL},
};

static const struct irm_opt resolve_opts[] = {
    {'h', "help", NULL, "print this command's help and exit"},
    {O_ACTION, "action", "text", "the action taken (required)"},
    {0, NULL, NULL, NULL},
};

static const struct irm_opt verify_opts[] = {
    {'h', "help", NULL, "print this command's help and exit"},
    {O_HEAD, "head", "hash",
        "also check that hash, an earlier head, is in the journal (default: none)"},
    {0, NULL, NULL, NULL},
};

static const struct irm_opt reveal_opts[] = {
    {'h', "help", NULL, "print this command's help and exit"},
    {O_DIRECTORY, "directory", "file",
        "the CSV file of the users' identities (required)"},
    {O_KEY, "key", "file",
        "the pseudonymization key, as for irm-norm -p (required)"},
    {0, NULL, NULL, NULL},
};

static int
cmd_confirm(struct ctx *c, int argc, char **argv)
{
	const char *case_id = NULL, *name = NULL;
	struct irm_alert *al;
	struct irm_case *k;
	struct irm_buf d;
	char id[32];
	int ch;

	while ((ch = subopt(argc, argv, "", confirm_opts)) != -1)
		if (ch == O_CASE)
			case_id = optarg;
		else
			name = optarg;
	need_args(argc - optind, 1);
	if (case_id && name)
		usage(IRM_EXIT_USAGE);
	begin(c);
	al = need_alert(c, argv[optind]);
	if (al->status != IRM_ALERT_NEEDS_REVIEW)
		refuse(c,
		    "%s: the alert is %s; only an alert that needs review can be confirmed",
		    al->id, irm_alert_status_name(al->status));
	irm_buf_init(&d, 1 << 20);
	if (case_id) {
		k = need_case(c, case_id, 1);
		if (strcmp(k->user, al->user) != 0)
			refuse(c,
			    "%s: the case is of another user (one user per case)",
			    case_id);
		data_case(&d, case_id);
		data_str(&d, "alert", al->id);
		irm_buf_adds(&d, "}");
		append(c, "case.alert_added", &d);
	} else {
		irm_state_next_case_id(c->st, id);
		case_id = id;
		data_case(&d, id);
		if (name)
			data_str(&d, "name", name);
		data_str(&d, "user", al->user);
		data_str(&d, "alert", al->id);
		irm_buf_adds(&d, "}");
		append(c, "case.opened", &d);
	}
	irm_buf_free(&d);
	done(c);
	printf("%s\n", case_id);
	return IRM_EXIT_OK;
}

static int
cmd_dismiss(struct ctx *c, int argc, char **argv)
{
	const char *reason = NULL;
	struct irm_alert *al;
	struct irm_buf d;

	while (subopt(argc, argv, "", dismiss_opts) != -1)
		reason = optarg;
	need_args(argc - optind, 1);
	if (reason == NULL || *reason == '\0')
		irm_errx(IRM_EXIT_USAGE, "dismiss: --reason is required");
	begin(c);
	al = need_alert(c, argv[optind]);
	if (al->status != IRM_ALERT_NEEDS_REVIEW)
		refuse(c,
		    "%s: the alert is %s; only an alert that needs review can be dismissed",
		    al->id, irm_alert_status_name(al->status));
	irm_buf_init(&d, 1 << 20);
	irm_buf_adds(&d, "{\"alert\":");
	irm_json_quote(&d, al->id);
	data_str(&d, "status", "dismissed");
	data_str(&d, "reason", reason);
	irm_buf_adds(&d, "}");
	append(c, "alert.status", &d);
	irm_buf_free(&d);
	done(c);
	return IRM_EXIT_OK;
}

static int
cmd_note(struct ctx *c, int argc, char **argv)
{
	struct irm_buf d;

	while (subopt(argc, argv, "+", help_opts) != -1)
		continue;
	need_args(argc - optind, 2);
	argv += optind - 1;
	if (argv[2][0] == '\0')
		irm_errx(IRM_EXIT_USAGE, "note: empty text");
	begin(c);
	need_case(c, argv[1], 1);
	irm_buf_init(&d, 1 << 20);
	data_case(&d, argv[1]);
	data_str(&d, "text", argv[2]);
	irm_buf_adds(&d, "}");
	append(c, "case.note", &d);
	irm_buf_free(&d);
	done(c);
	return IRM_EXIT_OK;
}

static int
cmd_resolve(struct ctx *c, int argc, char **argv)
{
	const char *action = NULL;
	struct irm_case *k;
	struct irm_buf d;

	while (subopt(argc, argv, "", resolve_opts) != -1)
		action = optarg;
	need_args(argc - optind, 2);
	if (irm_strcaseeq(argv[optind + 1], "benign"))
		argv[optind + 1] = "benign";
	else if (irm_strcaseeq(argv[optind + 1], "violation"))
		argv[optind + 1] = "violation";
	else
		irm_errx(
		    IRM_EXIT_USAGE, "resolve: expected benign or violation");
	if (action == NULL || *action == '\0')
		irm_errx(IRM_EXIT_USAGE, "resolve: --action is required");
	begin(c);
	k = need_case(c, argv[optind], 1);
	irm_buf_init(&d, 1 << 20);
	data_case(&d, k->id);
	data_str(&d, "user", k->user);
	data_str(&d, "resolution", argv[optind + 1]);
	data_str(&d, "action", action);
	irm_buf_adds(&d, "}");
	append(c, "case.resolved", &d);
	irm_buf_free(&d);
	done(c);
	return IRM_EXIT_OK;
}

static int
cmd_verify(struct ctx *c, int argc, char **argv)
{
	char head[IRM_STORE_HASH_LEN];
	const char *want = NULL;
	unsigned long n;

	while (subopt(argc, argv, "", verify_opts) != -1)
		want = optarg;
	need_args(argc - optind, 0);
	open_store(c, 0);
	n = irm_store_verify(c->store, want, head, irm_warn_print, NULL);
	c->prog.rejected = n;
	printf("%s\n", head);
	if (n)
		irm_warnx("%s: %lu problem%s", irm_store_path(c->store), n,
		    n == 1 ? "" : "s");
	return n ? IRM_EXIT_FATAL : IRM_EXIT_OK;
}

static int
cmd_notice(struct ctx *c, int argc, char **argv)
{
	const char *tmpl = NULL, *from = NULL, *subject = NULL;
	struct irm_notice n = {0};
	struct irm_error e;
	FILE *fp;
	struct irm_alert *al;
	struct irm_case *k;
	struct irm_buf d, msg;
	char hex[65];
	int ch;

	while ((ch = subopt(argc, argv, "", notice_opts)) != -1)
		if (ch == O_FROM)
			from = optarg;
		else if (ch == O_SUBJECT)
			subject = optarg;
		else if (ch == O_TEMPLATE)
			tmpl = optarg;
		else
			n.to = optarg;
	need_args(argc - optind, 1);
	if (tmpl == NULL)
		irm_errx(IRM_EXIT_USAGE, "notice: --template is required");
	begin(c);
	k = need_case(c, argv[optind], 1);
	al = irm_alerts_find(c->st->alerts, k->alerts[0]);
	n.user = k->user;
	n.case_id = k->id;
	n.case_name = k->name;
	n.policy = al ? al->policy : "";
	n.from = from ? irm_xstrdup(from) : NULL;
	n.subject = subject ? irm_xstrdup(subject) : NULL;
	if (n.to == NULL)
		n.to = k->user;
	if (strchr(n.to, '@') == NULL)
		refuse(c,
		    "notice: %s has no mail address (pseudonymized?): give --to",
		    k->id);
	if ((fp = fopen(tmpl, "r")) == NULL)
		refuse(c, "template %s: %s", tmpl, strerror(errno));
	if (irm_notice_read(&n, fp, tmpl, &e) == -1)
		refuse(c, "%s", e.msg);
	fclose(fp);
	if (n.from == NULL || n.subject == NULL)
		refuse(c,
		    "notice: no sender or subject (From: and Subject: in the template, or --from and --subject)");
	if (irm_notice_check(&n, &e) == -1)
		refuse(c, "%s", e.msg);
	irm_sha256_hex(n.body.data ? n.body.data : "", n.body.len, hex);
	irm_buf_init(&d, 1 << 20);
	data_case(&d, k->id);
	data_str(&d, "to", n.to);
	data_str(&d, "subject", n.subject);
	data_str(&d, "body_sha256", hex);
	irm_buf_adds(&d, "}");
	append(c, "case.notice", &d);
	irm_buf_free(&d);
	done(c);
	/* Room for the body (1 MiB at most) and its headers. */
	irm_buf_init(&msg, (size_t)4 << 20);
	if (irm_notice_message(
	        &n, irm_store_now(), irm_store_seq(c->store), &msg, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	flush_out(&msg);
	irm_buf_free(&msg);
	irm_notice_free(&n);
	return IRM_EXIT_OK;
}

static int
cmd_reveal(struct ctx *c, int argc, char **argv)
{
	const char *key = NULL, *dirfile = NULL, *id, *user;
	struct irm_alert *al;
	struct irm_case *k;
	struct irm_error e;
	struct irm_buf d;
	char *found;
	int ch;

	while ((ch = subopt(argc, argv, "", reveal_opts)) != -1)
		if (ch == O_KEY)
			key = optarg;
		else
			dirfile = optarg;
	need_args(argc - optind, 1);
	if (key == NULL || dirfile == NULL)
		irm_errx(IRM_EXIT_USAGE,
		    "reveal: --key and --directory are required");
	id = argv[optind];
	begin(c);
	if ((k = irm_state_case(c->st, id)) != NULL)
		user = k->user;
	else if ((al = irm_alerts_find(c->st->alerts, id)) != NULL)
		user = al->user;
	else
		refuse(c, "%s: no such alert or case", id);
	if (strncmp(user, "anon-", 5) != 0)
		refuse(c, "%s: the user is not pseudonymized", id);
	if (irm_reveal(key, dirfile, user, &found, &e) == -1)
		refuse(c, "reveal: %s", e.msg);
	irm_buf_init(&d, 1 << 20);
	irm_buf_adds(&d, "{\"id\":");
	irm_json_quote(&d, id);
	data_str(&d, "user", user);
	irm_buf_printf(&d, ",\"found\":%s}", found ? "true" : "false");
	append(c, "case.revealed", &d);
	irm_buf_free(&d);
	done(c);
	if (found == NULL) {
		irm_warnx("%s: no user of %s has that pseudonym under this key",
		    user, dirfile);
		return IRM_EXIT_REJECT;
	}
	printf("%s\t", user);
	irm_case_put_safe(stdout, found);
	putchar('\n');
	free(found);
	return IRM_EXIT_OK;
}

struct filter {
	int status, severity;
	const char *policy, *user;
	int64_t since, until;
};

static int
keep(const struct filter *f, const struct irm_alert *al)
{
	return (f->status < 0 || (int)al->status == f->status) &&
	    (f->severity == 0 || irm_alert_severity(al) == f->severity) &&
	    (f->policy == NULL || strcmp(al->policy, f->policy) == 0) &&
	    (f->user == NULL || strcmp(al->user, f->user) == 0) &&
	    al->last >= f->since && al->first <= f->until;
}

static int64_t
time_arg(const char *opt, const char *s)
{
	int flags = IRM_TIME_UTC;
	int64_t ms;

	if (irm_time_parse(s, strlen(s), &flags, &ms, NULL) != 0)
		irm_errx(IRM_EXIT_USAGE, "%s: not a date or time: %s", opt, s);
	return ms;
}

static int
severity_arg(const char *s)
{
	int sev = irm_severity_parse(s);

	if (sev != 0)
		return sev;
	irm_errx(IRM_EXIT_USAGE, "--severity: expected low, medium or high");
}

static void
write_case(const struct irm_case *k, struct irm_buf *out)
{
	char a[IRM_TIME_LEN], b[IRM_TIME_LEN];
	size_t i;

	irm_time_format(k->opened, a);
	irm_time_format(k->updated, b);
	irm_buf_printf(out,
	    "{\"@timestamp\":\"%s\",\"event\":{\"kind\":\"case\",\"id\":", b);
	irm_json_quote(out, k->id);
	irm_buf_adds(out, "},\"user\":{\"name\":");
	irm_json_quote(out, k->user);
	irm_buf_adds(out, "},\"irm\":{\"case\":{\"name\":");
	irm_json_quote(out, k->name);
	irm_buf_printf(out, ",\"status\":\"%s\"",
	    k->status == IRM_CASE_ACTIVE ? "active" : "closed");
	if (k->resolution) {
		data_str(out, "resolution", k->resolution);
		data_str(out, "action", k->action);
	}
	irm_buf_printf(out, ",\"opened\":\"%s\",\"updated\":\"%s\"", a, b);
	data_str(out, "updated_by", k->updated_by);
	irm_buf_adds(out, ",\"alerts\":[");
	for (i = 0; i < k->nalerts; i++) {
		if (i)
			irm_buf_addc(out, ',');
		irm_json_quote(out, k->alerts[i]);
	}
	irm_buf_printf(out, "],\"notes\":%zu}}}\n", k->nnotes);
}

static void
flush_out(struct irm_buf *out)
{
	if (out->len && fwrite(out->data, 1, out->len, stdout) != out->len)
		irm_err(IRM_EXIT_FATAL, "stdout");
	irm_buf_reset(out);
}

static void
list_cases(struct ctx *c, const struct filter *f, int status)
{
	struct irm_buf out;
	size_t i;

	irm_buf_init(&out, 1 << 30);
	for (i = 0; i < c->st->ncases; i++) {
		const struct irm_case *k = c->st->cases[i];

		if ((status < 0 || (int)k->status == status) &&
		    (f->user == NULL || strcmp(k->user, f->user) == 0)) {
			write_case(k, &out);
			c->prog.out++;
		}
		flush_out(&out);
	}
	irm_buf_free(&out);
}

/* Colour: a table on a terminal, unless NO_COLOR is set. */
static int
color_ok(int format)
{
	const char *nc = getenv("NO_COLOR");

	return format == IRM_OUT_TABLE && (nc == NULL || *nc == '\0') &&
	    isatty(STDOUT_FILENO);
}

static void
list_alerts(struct ctx *c, const struct filter *f, int format)
{
	size_t i, n = irm_alerts_count(c->st->alerts), m = 0;
	struct irm_alert **v = irm_xcalloc(n + 1, sizeof(*v));
	struct irm_buf out;

	for (i = 0; i < n; i++)
		if (keep(f, irm_alerts_at(c->st->alerts, i)))
			v[m++] = irm_alerts_at(c->st->alerts, i);
	qsort(v, m, sizeof(*v), irm_alert_cmp_queue);
	c->prog.out = m;
	irm_buf_init(&out, 1 << 30);
	if (format == IRM_OUT_JSONL) {
		for (i = 0; i < m; i++) {
			irm_alert_write_json(v[i], NULL, &out);
			flush_out(&out);
		}
	} else {
		irm_out_report(format, v, m, color_ok(format), &out);
		if (out.data == NULL)
			irm_errx(IRM_EXIT_FATAL, "listing too large");
		flush_out(&out);
	}
	irm_buf_free(&out);
	free(v);
}

static int
cmd_list(struct ctx *c, int argc, char **argv)
{
	struct filter f = {-1, 0, NULL, NULL, INT64_MIN, INT64_MAX};
	const char *status = NULL;
	int ch, cases = 0, cs = -1, format = IRM_OUT_JSONL;

	while ((ch = subopt(argc, argv, "", list_opts)) != -1)
		switch (ch) {
		case O_CASES:
			cases = 1;
			break;
		case 'f':
			if ((format = irm_out_parse(optarg)) == -1)
				irm_errx(IRM_EXIT_USAGE,
				    "-f: expected jsonl, csv, table, html, o365 or ocsf: %s",
				    optarg);
			break;
		case O_ORGANIZATION:
			if (irm_out_set_organization(optarg) == -1)
				irm_errx(IRM_EXIT_USAGE,
				    "--organization-id: expected a GUID (8-4-4-4-12 hex digits): %s",
				    optarg);
			break;
		case O_POLICY:
			f.policy = optarg;
			break;
		case O_SEVERITY:
			f.severity = severity_arg(optarg);
			break;
		case O_SINCE:
			f.since = time_arg("--since", optarg);
			break;
		case O_STATUS:
			status = optarg;
			break;
		case O_UNTIL:
			f.until = time_arg("--until", optarg);
			break;
		default:
			f.user = optarg;
		}
	need_args(argc - optind, 0);
	if (status && cases) {
		cs = irm_strcaseeq(status, "active")  ? IRM_CASE_ACTIVE
		    : irm_strcaseeq(status, "closed") ? IRM_CASE_CLOSED
		                                      : -2;
		if (cs == -2)
			irm_errx(IRM_EXIT_USAGE,
			    "--status: a case is active or closed");
	} else if (status && (f.status = irm_alert_status_parse(status)) == -1)
		irm_errx(IRM_EXIT_USAGE,
		    "--status: expected needs_review, confirmed, dismissed or resolved");
	load(c);
	c->out_what = cases ? "cases" : "alerts";
	if (cases)
		list_cases(c, &f, cs);
	else
		list_alerts(c, &f, format);
	return IRM_EXIT_OK;
}

/* The insights the journal holds for one alert, for show. */
struct collect {
	struct irm_state *st;
	const char *alert;
	struct json_object **ins;
	size_t n;
};

static int
collect_fold(
    void *ctx, struct json_object *o, unsigned long line, struct irm_error *e)
{
	struct collect *k = ctx;
	struct json_object *data = irm_json_get(o, "data");
	const char *type = irm_json_str(o, "type");
	const char *id = irm_json_str(data, "alert");

	if (type && strncmp(type, "alert.", 6) == 0 && id &&
	    strcmp(id, k->alert) == 0 && irm_json_get(data, "insight")) {
		k->ins = irm_xrealloc(k->ins, (k->n + 1) * sizeof(*k->ins));
		k->ins[k->n++] = json_object_get(irm_json_get(data, "insight"));
	}
	return irm_state_fold(k->st, o, line, e);
}

static struct irm_evidence *
show_events(const struct collect *k, const char *file)
{
	struct irm_evidence *x = irm_evidence_new();
	struct json_object *ids;
	struct irm_error e;
	size_t i, j;

	for (i = 0; i < k->n; i++) {
		ids = irm_json_get(
		    irm_json_get(irm_json_get(k->ins[i], "irm"), "evidence"),
		    "ids");
		for (j = 0; j < irm_json_len(ids); j++)
			irm_evidence_want(
			    x, irm_json_text(irm_json_at(ids, j)));
	}
	if (irm_evidence_read(x, file, irm_warn_print, NULL, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "--events: %s", e.msg);
	return x;
}

static int
cmd_show(struct ctx *c, int argc, char **argv)
{
	struct collect k = {0};
	struct irm_error e;
	struct irm_alert *al;
	struct irm_case *kc = NULL;
	struct irm_evidence *x = NULL;
	const char *events = NULL;
	size_t torn, i;
	int ch;

	while ((ch = subopt(argc, argv, "+", show_opts)) != -1)
		if (ch == O_EVENTS)
			events = optarg;
	need_args(argc - optind, 1);
	argv += optind - 1;
	open_store(c, 0);
	k.st = c->st = irm_state_new();
	k.alert = argv[1];
	if (irm_store_read(c->store, collect_fold, &k, &torn, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	if ((al = irm_alerts_find(c->st->alerts, argv[1])) != NULL) {
		if (events)
			x = show_events(&k, events);
		irm_case_show_alert(stdout, k.st, k.ins, k.n, al, x);
	} else if ((kc = irm_state_case(c->st, argv[1])) != NULL)
		irm_case_show_case(stdout, c->st, kc);
	for (i = 0; i < k.n; i++)
		json_object_put(k.ins[i]);
	free(k.ins);
	irm_evidence_free(x);
	if (al == NULL && kc == NULL)
		irm_errx(IRM_EXIT_USAGE, "%s: no such alert or case", argv[1]);
	c->prog.out = 1;
	c->out_what = al ? "alerts" : "cases";
	return IRM_EXIT_OK;
}

/*
 * The commands in the order of the synopsis, each with its synopsis after
 * "irm-case " and what it does, for the usage and the help.
 */
static const struct command {
	const char *name;
	int (*fn)(struct ctx *, int, char **);
	const struct irm_opt *opts;
	const char *synopsis;
	const char *what;
} commands[] = {
    {"list", cmd_list, list_opts,
        "list [-f format] [--cases] [--organization-id guid]\n"
        "                [--policy name] [--severity level] [--since time]\n"
        "                [--status status] [--until time] [--user name]\n",
        "list the alerts in queue order, or the cases"},
    {"show", cmd_show, show_opts, "show [--events file] id\n",
        "print an alert or a case for a person to read"},
    {"confirm", cmd_confirm, confirm_opts,
        "confirm [--case id | --new-case name] alert\n",
        "confirm an alert into a new or an active case"},
    {"dismiss", cmd_dismiss, dismiss_opts, "dismiss --reason text alert\n",
        "dismiss an alert that needs review"},
    {"note", cmd_note, help_opts, "note case text\n",
        "add a note to an active case"},
    {"notice", cmd_notice, notice_opts,
        "notice --template file [--from address]\n"
        "                [--subject text] [--to address] case\n",
        "write a notice to the case's user and record it"},
    {"resolve", cmd_resolve, resolve_opts,
        "resolve --action text case benign|violation\n",
        "close an active case as benign or as a violation"},
    {"verify", cmd_verify, verify_opts, "verify [--head hash]\n",
        "check the journal's hash chain and print its head"},
    {"reveal", cmd_reveal, reveal_opts,
        "reveal --key file --directory file id\n",
        "print the real identity behind a pseudonymized user"},
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct irm_opt opts[] = {
    {'b', "by", "name",
        "who acts, as the journal records it (default: the login name)"},
    IRM_OPT_HELP,
    {'S', "store", "dir", "the store (default: IRM_STORE)"},
    {'v', "verbose", NULL,
        "end with the entries read and written and the time, on stderr"},
    IRM_OPT_VERSION,
    {0, NULL, NULL, NULL},
};

int
main(int argc, char *argv[])
{
	struct ctx c = {0};
	struct option lo[IRM_OPT_MAX];
	char so[2 * IRM_OPT_MAX];
	size_t i;
	int ch, rval;

	irm_setprogname(argv[0]);
	c.dir = getenv("IRM_STORE");
	if (irm_opt_getopt(opts, "+", so, sizeof(so), lo, IRM_OPT_MAX) == -1)
		irm_errx(IRM_EXIT_FATAL, "option table too large");
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1)
		switch (ch) {
		case 'b':
			c.by = optarg;
			break;
		case 'h':
			usage(IRM_EXIT_OK);
		case 'S':
			c.dir = optarg;
			break;
		case 'v':
			c.verbose = 1;
			break;
		case 'V':
			printf("irm-case %s\n", IRM_VERSION);
			exit(IRM_EXIT_OK);
		default:
			usage(IRM_EXIT_USAGE);
		}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage(IRM_EXIT_USAGE);
	if (c.by == NULL)
		c.by = irm_store_login();
	if (c.dir && *c.dir == '\0')
		c.dir = NULL;
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			break;
	if (i == NCOMMANDS)
		irm_errx(IRM_EXIT_USAGE, "%s: unknown command", argv[0]);
	optind = 0;
	/* Output follows the read, which erases the line: stdout may be
	 * the terminal too. */
	c.out_what = "journal entries";
	irm_progress_start(&c.prog, "journal entries", isatty(STDERR_FILENO));
	rval = commands[i].fn(&c, argc, argv);
	irm_state_free(c.st);
	irm_store_close(c.store);
	if (irm_out_close(stdout) == -1)
		irm_err(IRM_EXIT_FATAL, "stdout");
	summary(&c);
	return rval;
}

/* The synopsis of every command, or of the one named name. */
static void
synopsis(struct irm_buf *b, const char *name)
{
	size_t i;

	if (name == NULL)
		irm_buf_adds(b,
		    "usage: irm-case [-v] [-S dir] [-b name] command [args]\n");
	for (i = 0; i < NCOMMANDS; i++)
		if (name == NULL || strcmp(name, commands[i].name) == 0)
			irm_buf_printf(b, "%s irm-case %s",
			    name ? "usage:" : "      ", commands[i].synopsis);
}

static void
cmd_usage(const char *name, int code)
{
	struct irm_buf syn;
	size_t i;

	irm_buf_init(&syn, 1 << 16);
	synopsis(&syn, name);
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			break;
	irm_usage(
	    code, syn.data, i < NCOMMANDS ? commands[i].opts : NULL, NULL);
}

static void
usage(int code)
{
	struct irm_buf syn, more;
	size_t i;

	irm_buf_init(&syn, 1 << 16);
	irm_buf_init(&more, 1 << 16);
	synopsis(&syn, NULL);
	irm_buf_adds(&more, "\nThe commands are:\n");
	for (i = 0; i < NCOMMANDS; i++)
		irm_buf_printf(
		    &more, "  %-8s  %s\n", commands[i].name, commands[i].what);
	irm_buf_adds(&more,
	    "\n\"irm-case command --help\" lists a command's options.\n");
	irm_usage(code, syn.data, opts, more.data);
}
