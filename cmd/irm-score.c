/*
 * irm-score - score events against insider risk policies
 *
 *	irm-score [-uv] -s settings -p policy ... [-o file] [-r file]
 *	    [-S store] [--final] [--lag days] [--now time]
 *	    [--population file ...] [--population-out file]
 *	    [--pseudonymize keyfile] [--start-scoring file] [--state file]
 *	    [file ...]
 *	irm-score -s settings -p policy ... --lint | --stats |
 *	    --list-indicators
 *
 * Reads irm events (irm-event(5)) from the files or stdin, counts each
 * user's activity per UTC day against the indicators of every policy
 * whose triggers bring the user into scope, and writes one scored,
 * explained insight per policy, user, day and indicator (irm-insight(5))
 * once the day is final.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "irm.h"
#include "irm_csv.h"
#include "irm_json.h"
#include "irm_score.h"

static _Noreturn void usage(int code);

struct opts {
	const char *settings, *state, *keyfile, *start, *output, *rejfile;
	const char *store, *popout;
	char **policies, **pops;
	size_t npolicies, npops;
	int final, lint, stats, list, unbuffered, verbose;
	int lag;
	int64_t now;
	FILE *reject;
};

/* One row of the --start-scoring file. */
struct start {
	char *user;
	int64_t day;
	int days;
};

struct ctx {
	struct opts o;
	struct irm_progress prog; /* -v and the progress line */
	struct irm_settings settings;
	struct irm_policy *pol;
	size_t npol;
	struct irm_pseudo *pseudo;
	struct irm_engine *eng;
	struct irm_violation *viol;
	size_t nviol;
	struct irm_buf out;
	struct irm_buf poprows; /* --population-out */
	int popfd;
	struct irm_pop *pop; /* --population */
	unsigned long late;
	unsigned long again; /* of them not counted: replays */
	int rval;
	struct start *starts; /* --start-scoring, read before any output */
	size_t nstarts;
};

/* The population rows so far to the --population-out file. */
static void
flush_pop(struct ctx *c)
{
	size_t off = 0;
	ssize_t w;

	while (off < c->poprows.len) {
		w = write(
		    c->popfd, c->poprows.data + off, c->poprows.len - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1)
			irm_err(IRM_EXIT_FATAL, "%s.tmp", c->o.popout);
		off += (size_t)w;
	}
	irm_buf_reset(&c->poprows);
}

static void
flush_out(struct ctx *c)
{
	if (c->o.popout)
		flush_pop(c);
	if (c->o.stats || c->o.popout) {
		irm_buf_reset(&c->out);
		return;
	}
	for (size_t i = 0; i < c->out.len; i++)
		c->prog.out += c->out.data[i] == '\n';
	if (c->out.len &&
	    fwrite(c->out.data, 1, c->out.len, stdout) != c->out.len)
		irm_err(IRM_EXIT_FATAL, "stdout");
	if (c->out.len && c->o.unbuffered && fflush(stdout) == EOF)
		irm_err(IRM_EXIT_FATAL, "stdout");
	irm_buf_reset(&c->out);
}

/* Messages about records of another stage (irm_stage_count). */
static struct irm_stage_gate stage_gate;

static void
reject(struct ctx *c, const char *file, unsigned long line,
    struct json_object *o, const char *raw, size_t len, const char *why)
{
	struct irm_pos pos = {file, line};
	const char *hint;

	if (irm_stage_count(&stage_gate, file, irm_stage_guess(o, raw, len),
	        IRM_STAGE_EVENT, &hint))
		irm_warnx_at(&pos, "%s", why);
	if (hint)
		irm_warnx("%s: %s", file, hint);
	c->rval = IRM_EXIT_REJECT;
	c->prog.in++;
	c->prog.rejected++;
	if (c->o.reject == NULL || raw == NULL)
		return;
	if (fwrite(raw, 1, len, c->o.reject) != len ||
	    fputc('\n', c->o.reject) == EOF)
		irm_err(IRM_EXIT_FATAL, "reject file");
}

/*
 * The next event of the file: IRM_JREAD_RECORD with ev filled (by
 * irm_ev_fast for an ordinary JSON line, else by json-c and
 * irm_ev_parse); IRM_JREAD_BAD with r and e set and *o the object, or
 * NULL when the record is not JSON; IRM_JREAD_EOF; IRM_JREAD_FATAL.
 */
static int
next_event(struct irm_jread *jr, struct irm_evfast *fast, struct irm_ev *ev,
    struct json_object **o, struct irm_jrec *r, struct irm_error *e)
{
	int rc = irm_jread_next(jr, o, r, e);

	if (rc == IRM_JREAD_LINE) {
		if (irm_ev_fast(r->raw, r->rawlen, ev, fast) == 0)
			return IRM_JREAD_RECORD;
		rc = irm_jread_parse(jr, o, r, e);
	}
	if (rc == IRM_JREAD_RECORD && irm_ev_parse(*o, ev, e) == -1)
		return IRM_JREAD_BAD;
	if (rc == IRM_JREAD_BAD)
		*o = NULL;
	return rc;
}

static void
read_events(struct ctx *c, int argc, char **argv)
{
	struct irm_input *in = irm_input_new(argc, argv, 16L << 20);
	struct irm_jread *jr = irm_jread_new(in);
	struct json_object *o;
	struct irm_jrec r;
	struct irm_error e;
	struct irm_ev ev = {0};
	struct irm_evfast fast = {0};
	int rc;

	irm_input_set_spill(in, c->o.reject);
	irm_jread_lines(jr, 1);
	while ((rc = irm_input_next_file(in, &e)) != 0) {
		if (rc == -1) {
			irm_warnx("%s", e.msg);
			c->rval = IRM_EXIT_REJECT;
			continue;
		}
		irm_jread_reset(jr);
		while ((rc = next_event(jr, &fast, &ev, &o, &r, &e)) !=
		    IRM_JREAD_EOF) {
			if (rc == IRM_JREAD_FATAL)
				irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
			if (rc == IRM_JREAD_BAD) {
				reject(c, irm_input_name(in), r.line, o, r.raw,
				    r.rawlen, e.msg);
				continue;
			}
			c->prog.in++;
			irm_progress_tick(&c->prog, irm_input_name(in));
			switch (irm_engine_add(c->eng, &ev, &c->out)) {
			case 2:
				c->again++;
				/* FALLTHROUGH */
			case 1:
				c->late++;
				break;
			}
			flush_out(c);
		}
		if (irm_stage_end(&stage_gate, &e))
			irm_warnx("%s", e.msg);
	}
	irm_ev_free(&ev);
	irm_evfast_free(&fast);
	irm_jread_free(jr);
	irm_input_free(in);
}

/*
 * --start-scoring FILE: CSV rows user,start,days (a header is allowed).
 * The whole file is read before any output opens, so that a bad file is
 * a usage error that leaves the outputs and the state alone.
 */
static void
read_starts(struct ctx *c)
{
	char *argv[1] = {(char *)c->o.start};
	struct irm_input *in = irm_input_new(1, argv, 1 << 20);
	struct irm_csvread *cr = irm_csvread_new(in);
	struct irm_error e;
	struct irm_row row;
	const char *errstr;
	char anon[IRM_PSEUDO_LEN], *user;
	int64_t ms;
	int rc, flags, days;

	if (irm_input_next_file(in, &e) != 1)
		irm_errx(IRM_EXIT_USAGE, "--start-scoring: %s", e.msg);
	irm_csvread_reset(cr);
	while ((rc = irm_csvread_next(cr, &row, &e)) != IRM_CSV_EOF) {
		struct irm_pos pos = {c->o.start, row.line};

		if (rc == IRM_CSV_FATAL)
			irm_errx(IRM_EXIT_USAGE, "%s", e.msg);
		if (rc == IRM_CSV_ROW && row.line == 1 && row.n > 0 &&
		    irm_strcaseeq(row.f[0], "user"))
			continue;
		flags = 0;
		if (rc != IRM_CSV_ROW || row.n != 3 ||
		    irm_time_parse(
		        row.f[1], strlen(row.f[1]), &flags, &ms, NULL) == -1 ||
		    (days = (int)irm_parse_num(row.f[2], 1, 365, &errstr),
		        errstr)) {
			irm_warnx_at(
			    &pos, "expected user,start,days (days 1-365)");
			irm_errx(IRM_EXIT_USAGE, "--start-scoring: bad file");
		}
		user = row.f[0];
		if (c->pseudo && strncmp(user, "anon-", 5) != 0) {
			for (char *p = user; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p += 'a' - 'A';
			irm_pseudonym(c->pseudo, user, strlen(user), anon);
			user = anon;
		}
		c->starts = irm_xrealloc(
		    c->starts, (c->nstarts + 1) * sizeof(*c->starts));
		c->starts[c->nstarts].user = irm_xstrdup(user);
		c->starts[c->nstarts].day =
		    ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
		c->starts[c->nstarts++].days = days;
	}
	irm_csvread_free(cr);
	irm_input_free(in);
}

/* Start scoring the users of --start-scoring, once the state is loaded. */
static void
start_scoring(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nstarts; i++) {
		irm_engine_start_scoring(c->eng, c->starts[i].user,
		    c->starts[i].day, c->starts[i].days, &c->out);
		free(c->starts[i].user);
	}
	free(c->starts);
}

/* --population FILE ...: read whole before any output opens. */
static void
read_population(struct ctx *c)
{
	struct irm_error e;
	size_t i;

	c->pop = irm_pop_new();
	for (i = 0; i < c->o.npops; i++)
		if (irm_pop_load(c->pop, c->o.pops[i], &e) == -1)
			irm_errx(IRM_EXIT_USAGE, "--population: %s", e.msg);
}

/*
 * --population-out FILE: written to FILE.tmp and renamed over FILE when
 * the run has read every event, so that FILE is whole or absent (a
 * killed partition leaves no population to merge); "-" is the standard
 * output, whose end line tells a whole population.
 */
static void
open_population_out(struct ctx *c)
{
	char tmp[4096];

	irm_buf_init(&c->poprows, (size_t)1 << 40);
	irm_engine_population_out(c->eng, &c->poprows);
	if (strcmp(c->o.popout, "-") == 0) {
		c->popfd = STDOUT_FILENO;
		return;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", c->o.popout) >=
	    (int)sizeof(tmp))
		irm_errx(IRM_EXIT_USAGE, "--population-out: name too long");
	if ((c->popfd = irm_tmp_create(tmp)) == -1)
		irm_err(IRM_EXIT_USAGE, "%s", tmp);
}

static void
close_population_out(struct ctx *c)
{
	char tmp[4096];

	irm_engine_population_end(c->eng);
	flush_pop(c);
	if (c->popfd == STDOUT_FILENO)
		return;
	snprintf(tmp, sizeof(tmp), "%s.tmp", c->o.popout);
	if (fsync(c->popfd) == -1 || close(c->popfd) == -1)
		irm_err(IRM_EXIT_FATAL, "%s", tmp);
	if (rename(tmp, c->o.popout) == -1)
		irm_err(IRM_EXIT_FATAL, "%s", c->o.popout);
}

static void
list_indicators(void)
{
	size_t i;

	printf("indicator\tweight\tthresholds\texfiltration\tactivities\t"
	       "conditions\n");
	for (i = 0; i < irm_nindicators; i++) {
		const struct irm_indicator *d = &irm_indicators[i];

		printf("%s\t%d\t%d,%d,%d\t%s\t%s\t%s\n", d->name, d->weight,
		    d->thresholds[0], d->thresholds[1], d->thresholds[2],
		    d->exfiltration ? "yes" : "no", d->activities,
		    d->conditions);
	}
}

/* Load settings and policies; print every problem and exit 2 on any. */
static void
load_config(struct ctx *c)
{
	struct irm_lint lint = {0};
	struct irm_error e;
	size_t i;
	int n;

	if (c->o.keyfile) {
		c->pseudo = irm_pseudo_load(c->o.keyfile, &e);
		if (c->pseudo == NULL)
			irm_errx(IRM_EXIT_USAGE, "--pseudonymize: %s", e.msg);
	}
	irm_settings_load(&c->settings, c->o.settings, c->pseudo, &lint);
	n = irm_policies_load(
	    c->o.policies, c->o.npolicies, c->pseudo, &c->pol, &lint);
	c->npol = n > 0 ? (size_t)n : 0;
	/* The engine keeps one bit per policy for each user and day. */
	if (c->npol > 64)
		irm_lint_add(
		    &lint, NULL, "", "%zu policies: at most 64", c->npol);
	if (c->o.lint)
		irm_policies_lint_scope(c->pol, c->npol, &c->settings, &lint);
	for (i = 0; i < lint.n; i++)
		irm_warnx("%s", lint.msg[i]);
	if (lint.n)
		irm_errx(IRM_EXIT_USAGE,
		    "%zu problem%s in settings and policies", lint.n,
		    lint.n == 1 ? "" : "s");
	irm_lint_free(&lint);
}

static void
parse_now(struct opts *o, const char *arg)
{
	int flags = IRM_TIME_UTC;

	if (irm_time_parse(arg, strlen(arg), &flags, &o->now, NULL) == -1)
		irm_errx(IRM_EXIT_USAGE, "--now: bad time: %s", arg);
}

enum {
	OPT_FINAL = 256,
	OPT_LAG,
	OPT_LINT,
	OPT_LIST,
	OPT_NOW,
	OPT_POP,
	OPT_POPOUT,
	OPT_PSEUDO,
	OPT_START,
	OPT_STATE,
	OPT_STATS
};

static const struct irm_opt opts[] = {
    IRM_OPT_HELP,
    {'o', "output", "file", "write the insights to file (default: stdout)"},
    {'p', "policy", "policy",
        "read policies from a file or a directory; repeatable (required)"},
    IRM_OPT_REJECT,
    {'S', NULL, "store",
        "take confirmed violations from the store (default: none)"},
    {'s', "settings", "settings",
        "read the settings file (default: every setting's default)"},
    {'u', "unbuffered", NULL,
        "flush the output after the insights of each event"},
    {'v', "verbose", NULL,
        "end with the records in, insights out and rejected, and the time, on stderr"},
    IRM_OPT_VERSION,
    {OPT_FINAL, "final", NULL,
        "at the end, make every day final and write what is due"},
    {OPT_LAG, "lag", "days",
        "keep a day open until an event more than days later, 0 to 90 (default: 2)"},
    {OPT_LINT, "lint", NULL,
        "check the settings and policies, report every problem and exit"},
    {OPT_LIST, "list-indicators", NULL,
        "print the indicator catalogue and exit"},
    {OPT_NOW, "now", "time",
        "after the input, close the days as an event at time would (default: off)"},
    {OPT_POP, "population", "file",
        "a partitioned run's second pass: the users of every partition, from the first; repeatable (default: none)"},
    {OPT_POPOUT, "population-out", "file",
        "a partitioned run's first pass: instead of insights, write this partition's population to file (default: off)"},
    {OPT_PSEUDO, "pseudonymize", "keyfile",
        "pseudonymize the settings' and policies' identities as irm-norm -p did (default: off)"},
    {OPT_START, "start-scoring", "file",
        "start scoring the users of this CSV file by hand (default: none)"},
    {OPT_STATE, "state", "file",
        "carry the scoring state from run to run in file (default: none)"},
    {OPT_STATS, "stats", NULL,
        "instead of insights, count the users and user-days that reach each level"},
    {0, NULL, NULL, NULL},
};

static const char synopsis[] =
    "usage: irm-score [-uv] -s settings -p policy ... [-o file] [-r file]\n"
    "                 [-S store] [--final] [--lag days] [--now time]\n"
    "                 [--population file ...] [--population-out file]\n"
    "                 [--pseudonymize keyfile] [--start-scoring file] [--state file]\n"
    "                 [file ...]\n"
    "       irm-score -s settings -p policy ... --lint | --stats |\n"
    "                 --list-indicators\n";

static void
parse_opts(struct opts *o, int argc, char **argv)
{
	const char *errstr;
	struct option lo[IRM_OPT_MAX];
	char so[2 * IRM_OPT_MAX];
	int ch;

	if (irm_opt_getopt(opts, "", so, sizeof(so), lo, IRM_OPT_MAX) == -1)
		irm_errx(IRM_EXIT_FATAL, "option table too large");
	o->lag = 2;
	o->now = INT64_MIN;
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(IRM_EXIT_OK);
		case 'o':
			o->output = optarg;
			break;
		case 'p':
			o->policies = irm_xrealloc(o->policies,
			    (o->npolicies + 1) * sizeof(*o->policies));
			o->policies[o->npolicies++] = optarg;
			break;
		case 'r':
			o->rejfile = optarg;
			break;
		case 'S':
			o->store = optarg;
			break;
		case 's':
			o->settings = optarg;
			break;
		case 'u':
			o->unbuffered = 1;
			break;
		case 'v':
			o->verbose = 1;
			break;
		case 'V':
			printf("irm-score %s\n", IRM_VERSION);
			exit(IRM_EXIT_OK);
		case OPT_FINAL:
			o->final = 1;
			break;
		case OPT_LAG:
			o->lag = (int)irm_parse_num(optarg, 0, 90, &errstr);
			if (errstr)
				irm_errx(IRM_EXIT_USAGE, "--lag: %s: %s",
				    errstr, optarg);
			break;
		case OPT_LINT:
			o->lint = 1;
			break;
		case OPT_LIST:
			o->list = 1;
			break;
		case OPT_NOW:
			parse_now(o, optarg);
			break;
		case OPT_POP:
			o->pops = irm_xrealloc(
			    o->pops, (o->npops + 1) * sizeof(*o->pops));
			o->pops[o->npops++] = optarg;
			break;
		case OPT_POPOUT:
			o->popout = optarg;
			break;
		case OPT_PSEUDO:
			o->keyfile = optarg;
			break;
		case OPT_START:
			o->start = optarg;
			break;
		case OPT_STATE:
			o->state = optarg;
			break;
		case OPT_STATS:
			o->stats = 1;
			break;
		default:
			usage(IRM_EXIT_USAGE);
		}
	}
}

/*
 * One run at a time per state: STATE.lock is held (flock) until exit, as
 * irm-fetch does, so an overlapping cron run fails at once instead of
 * losing the other's update.  The lock file is not the state, which is
 * replaced by rename.
 */
static void
lock_state(const char *state)
{
	char path[4096];
	int fd;

	if (snprintf(path, sizeof(path), "%s.lock", state) >= (int)sizeof(path))
		irm_errx(IRM_EXIT_USAGE, "--state: name too long");
	fd = irm_lock_open(path);
	if (fd == -1)
		irm_err(IRM_EXIT_FATAL, "%s", path);
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno == EWOULDBLOCK)
			irm_errx(IRM_EXIT_FATAL,
			    "%s: another irm-score is using this state", state);
		irm_err(IRM_EXIT_FATAL, "%s", path);
	}
	/* fd stays open: the lock ends with the process. */
}

/* Flush stdout, and sync it when it is a file. */
static int
sync_stdout(void)
{
	struct stat st;

	if (fflush(stdout) == EOF)
		return -1;
	if (fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode) &&
	    fsync(STDOUT_FILENO) == -1)
		return -1;
	return 0;
}

/*
 * With a state the output goes with it: appended, so that a run killed
 * after the state was saved and run again keeps what the first wrote.
 * A run killed or failed before its state was saved may have left a
 * partial last line: the rerun writes that insight again, so it is cut
 * rather than glued to the next one.
 */
static void
open_output(const char *path, int append)
{
	struct stat st;

	if (irm_out_stdout(path, append ? IRM_OUT_APPEND : IRM_OUT_TRUNC) == -1)
		irm_err(IRM_EXIT_USAGE, "%s", path);
	if (!append || fstat(STDOUT_FILENO, &st) == -1 || !S_ISREG(st.st_mode))
		return;
	if (irm_cut_partial_line(STDOUT_FILENO, path, irm_warn_print, NULL) ==
	    -1)
		irm_err(IRM_EXIT_FATAL, "%s", path);
}

int
main(int argc, char *argv[])
{
	static struct ctx c;
	struct irm_engine_opts eo;
	struct irm_error e;

	irm_setprogname(argv[0]);
	parse_opts(&c.o, argc, argv);
	argc -= optind;
	argv += optind;
	if (c.o.list) {
		list_indicators();
		if (irm_out_close(stdout) == -1)
			irm_err(IRM_EXIT_FATAL, "stdout");
		return IRM_EXIT_OK;
	}
	if (c.o.npolicies == 0)
		irm_errx(IRM_EXIT_USAGE, "no policy: use -p FILE or DIR");
	load_config(&c);
	if (c.o.lint)
		return IRM_EXIT_OK;
	if (c.o.start)
		read_starts(&c);
	if (c.o.npops)
		read_population(&c);
	if (c.o.state) {
		lock_state(c.o.state);
		irm_dir_check(c.o.state, 1, "state", irm_warn_print, NULL);
	}
	if (c.o.rejfile && (c.o.reject = irm_open_reject(c.o.rejfile)) == NULL)
		irm_err(IRM_EXIT_USAGE, "reject file: %s", c.o.rejfile);
	if (c.o.output)
		open_output(c.o.output, c.o.state != NULL);
	if (c.o.store &&
	    irm_violations_load(c.o.store, c.pseudo, &c.viol, &c.nviol, &e) ==
	        -1)
		irm_errx(IRM_EXIT_FATAL, "-S: %s", e.msg);
	eo = (struct irm_engine_opts){
	    &c.settings, c.pol, c.npol, c.o.lag, 90, c.o.now, c.viol, c.nviol};
	c.eng = irm_engine_new(&eo);
	irm_buf_init(&c.out, (size_t)1 << 40);
	if (c.o.state && irm_engine_load(c.eng, c.o.state, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	if (c.pop)
		irm_engine_population(
		    c.eng, c.pop, c.o.state == NULL || c.o.final);
	if (c.o.popout)
		open_population_out(&c);
	if (c.o.start)
		start_scoring(&c);
	flush_out(&c);
	irm_progress_start(
	    &c.prog, "events", isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO));
	read_events(&c, argc, argv);
	irm_progress_end(&c.prog);
	/* --now: days up to it are final whatever the events said. */
	if (c.o.now != INT64_MIN)
		irm_engine_tick(c.eng, c.o.now, &c.out);
	if (c.o.state == NULL || c.o.final)
		irm_engine_finish(c.eng, &c.out);
	flush_out(&c);
	if (c.o.stats)
		irm_engine_stats(c.eng, stdout);
	if (c.o.popout)
		close_population_out(&c);
	/*
	 * The insights reach their file before the state says they were
	 * written (a pipe ends the guarantee: see the man page).
	 */
	if (c.o.state && !c.o.stats && !c.o.popout && sync_stdout() == -1)
		irm_err(IRM_EXIT_FATAL, "stdout");
	/* --stats writes no insights, so it must not record them either. */
	if (c.o.state && !c.o.stats && !c.o.popout &&
	    irm_engine_save(c.eng, c.o.state, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "state: %s", e.msg);
	if (c.late)
		irm_warnx("%lu late event%s for days already final", c.late,
		    c.late == 1 ? "" : "s");
	if (c.again)
		irm_warnx(
		    "%lu of them not counted: already counted for their day, or their day counted more than %d events",
		    c.again, IRM_KEPT_MAX);
	if (c.o.verbose)
		irm_progress_summary(&c.prog, "insights");
	if (irm_out_close(stdout) == -1)
		irm_err(IRM_EXIT_FATAL, "stdout");
	if (c.o.reject && irm_out_close(c.o.reject) == -1)
		irm_err(IRM_EXIT_FATAL, "reject file");
	irm_engine_free(c.eng);
	irm_pop_free(c.pop);
	free(c.o.pops);
	irm_buf_free(&c.out);
	irm_buf_free(&c.poprows);
	irm_policies_free(c.pol, c.npol);
	irm_settings_free(&c.settings);
	irm_pseudo_free(c.pseudo);
	for (size_t i = 0; i < c.nviol; i++)
		free(c.viol[i].user);
	free(c.viol);
	free(c.o.policies);
	return c.rval;
}

static void
usage(int code)
{
	irm_usage(code, synopsis, opts, NULL);
}
