/*
 * irm-norm - normalize audit records into irm events
 *
 *	irm-norm [-uv] [-f format] [-i domain] [-k user] [-m field=column]
 *	    [-o file] [-P n] [-p keyfile] [-r file] [-s scenario] [-t zone]
 *	    [--mapped-only] [--max-line size] [--only-known] [--split dir]
 *	    [--summary] [file ...]
 *
 * Reads audit records (O365 Management Activity API JSON, Purview CSV
 * exports, Microsoft Graph, HR connector CSV, badge JSON, CERT CSV,
 * custom CSV) from the files or stdin and writes one irm event per line
 * (irm-event(5)).  The format is detected per file.  Bad records are
 * reported with file and line, copied to the reject file, and skipped.
 * The source's facts that no field holds go along (o365.audit) unless
 * --mapped-only; --summary ends the run with what was read and what was
 * not understood, on stderr; -v with the counts and the time.  On a
 * terminal, a long run shows its progress on stderr.  With -P n and
 * --split dir, each partition's events go to dir/part-K instead, without
 * the prefix (the map step of a partitioned run, irm(7) SCALE).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_norm.h"

#define MAX_LINE_DEFAULT (16L * 1024 * 1024)

static _Noreturn void usage(int code);

/* ------------------------------------------------------------- summary */

/*
 * --summary: records per format and per activity, and the operations that
 * became "other", counted by name (at most SUM_OPS names: memory grows
 * with the distinct operations, never with records).
 */
#define SUM_OPS 1024
#define SUM_TOP 10

struct count {
	const char *name;
	unsigned long long n;
};

struct summary {
	struct count formats[16];
	size_t nformats;
	struct count acts[256];
	size_t nacts;
	struct count ops[2 * SUM_OPS]; /* open addressing, names strdup'd */
	size_t nops;
	unsigned long long events, written, other, rejects, more;
};

static void
count_name(struct count *tab, size_t *n, size_t cap, const char *name)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (tab[i].name == name || strcmp(tab[i].name, name) == 0) {
			tab[i].n++;
			return;
		}
	if (*n < cap) {
		tab[*n].name = name;
		tab[(*n)++].n = 1;
	}
}

static void
count_op(struct summary *s, const char *op)
{
	size_t mask = sizeof(s->ops) / sizeof(s->ops[0]) - 1;
	size_t i = (size_t)irm_fnv1a(op) & mask;

	while (s->ops[i].name && strcmp(s->ops[i].name, op) != 0)
		i = (i + 1) & mask;
	if (s->ops[i].name == NULL) {
		if (s->nops == SUM_OPS) {
			s->more++;
			return;
		}
		s->ops[i].name = irm_xstrdup(op);
		s->nops++;
	}
	s->ops[i].n++;
}

static void
summary_event(struct summary *s, const struct irm_event *ev, int written)
{
	s->events++;
	s->written += written;
	count_name(s->formats, &s->nformats,
	    sizeof(s->formats) / sizeof(s->formats[0]), ev->format);
	count_name(s->acts, &s->nacts, sizeof(s->acts) / sizeof(s->acts[0]),
	    ev->activity);
	if (strcmp(ev->activity, "other") == 0) {
		s->other++;
		count_op(s, ev->action);
	}
}

/* Most first, then by name. */
static int
cmp_count(const void *a, const void *b)
{
	const struct count *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	if (x->name == NULL || y->name == NULL)
		return (x->name == NULL) - (y->name == NULL);
	return strcmp(x->name, y->name);
}

static void
summary_print(struct summary *s)
{
	size_t i, nops = sizeof(s->ops) / sizeof(s->ops[0]);

	irm_warnx("summary: %llu records: %llu events (%llu written), %llu "
	          "rejected",
	    s->events + s->rejects, s->events, s->written, s->rejects);
	qsort(s->formats, s->nformats, sizeof(s->formats[0]), cmp_count);
	for (i = 0; i < s->nformats; i++)
		irm_warnx("summary: format %s: %llu", s->formats[i].name,
		    s->formats[i].n);
	qsort(s->acts, s->nacts, sizeof(s->acts[0]), cmp_count);
	for (i = 0; i < s->nacts; i++)
		irm_warnx("summary: activity %s: %llu", s->acts[i].name,
		    s->acts[i].n);
	irm_warnx("summary: other: %llu of %llu events (%.1f%%), %zu "
	          "operations",
	    s->other, s->events,
	    s->events ? 100.0 * (double)s->other / (double)s->events : 0.0,
	    s->nops);
	qsort(s->ops, nops, sizeof(s->ops[0]), cmp_count);
	for (i = 0; i < s->nops && i < SUM_TOP; i++)
		irm_warnx("summary: unknown operation %s: %llu", s->ops[i].name,
		    s->ops[i].n);
	if (s->more)
		irm_warnx("summary: unknown operation (past the first %d "
		          "names): %llu",
		    SUM_OPS, s->more);
	for (i = 0; i < nops; i++)
		free((char *)s->ops[i].name);
}

/*
 * --split: a file per partition, opened at its first event.  When the
 * process runs out of descriptors, every file is closed and the next
 * events reopen theirs to append.
 */
struct split {
	const char *dir;
	FILE **f;            /* by partition, NULL when closed */
	unsigned char *made; /* created (truncated) already */
	unsigned n;
};

struct ctx {
	struct irm_norm_opts opts;
	struct split split;
	struct irm_writer writer;
	struct irm_input *in;
	struct irm_event ev;
	struct irm_buf out;
	FILE *reject;
	int only_known;
	int unbuffered;
	int rval;
	struct summary *sum; /* --summary */
	struct irm_progress prog;
	int verbose; /* -v */
};

static void
split_close(struct split *sp)
{
	char path[PATH_MAX];

	for (unsigned k = 0; k < sp->n; k++) {
		if (sp->f[k] == NULL)
			continue;
		if (irm_out_close(sp->f[k]) == -1) {
			snprintf(path, sizeof(path), "%s/part-%u", sp->dir, k);
			irm_err(IRM_EXIT_FATAL, "%s", path);
		}
		sp->f[k] = NULL;
	}
}

static FILE *
split_file(struct split *sp, unsigned k)
{
	char path[PATH_MAX];

	if (sp->f[k])
		return sp->f[k];
	if (snprintf(path, sizeof(path), "%s/part-%u", sp->dir, k) >=
	    (int)sizeof(path))
		irm_errx(IRM_EXIT_USAGE, "--split: name too long: %s", sp->dir);
	sp->f[k] = fopen(path, sp->made[k] ? "a" : "w");
	if (sp->f[k] == NULL && (errno == EMFILE || errno == ENFILE)) {
		split_close(sp);
		sp->f[k] = fopen(path, sp->made[k] ? "a" : "w");
	}
	if (sp->f[k] == NULL)
		irm_err(IRM_EXIT_FATAL, "%s", path);
	sp->made[k] = 1;
	return sp->f[k];
}

/* The lines of c->out, each "K<TAB>event", to their partitions' files. */
static void
split_out(struct ctx *c)
{
	const char *p = c->out.data, *end = p + c->out.len, *tab, *nl;
	unsigned k;
	FILE *f;

	for (; p < end; p = nl + 1) {
		tab = memchr(p, '\t', (size_t)(end - p));
		nl = memchr(p, '\n', (size_t)(end - p));
		if (tab == NULL || nl == NULL || tab > nl)
			irm_errx(IRM_EXIT_FATAL, "--split: unprefixed line");
		for (k = 0; p < tab; p++)
			k = k * 10 + (unsigned)(*p - '0');
		if (k >= c->split.n)
			irm_errx(IRM_EXIT_FATAL, "--split: partition %u", k);
		f = split_file(&c->split, k);
		if (fwrite(tab + 1, 1, (size_t)(nl - tab), f) !=
		    (size_t)(nl - tab))
			irm_err(IRM_EXIT_FATAL, "%s/part-%u", c->split.dir, k);
	}
}

static void
write_out(struct ctx *c)
{
	if (c->split.dir) {
		split_out(c);
		return;
	}
	if (c->out.len &&
	    fwrite(c->out.data, 1, c->out.len, stdout) != c->out.len)
		irm_err(IRM_EXIT_FATAL, "stdout");
	if (c->unbuffered && fflush(stdout) == EOF)
		irm_err(IRM_EXIT_FATAL, "stdout");
}

/* Report a bad record or file and keep the raw record in the reject file. */
static void
reject(
    void *arg, unsigned long line, const char *raw, size_t len, const char *why)
{
	struct ctx *c = arg;
	struct irm_pos pos = {irm_input_name(c->in), line};

	if (line == 0)
		irm_warnx("%s", why);
	else
		irm_warnx_at(&pos, "%s", why);
	c->rval = IRM_EXIT_REJECT;
	c->prog.in++;
	c->prog.rejected++;
	irm_progress_tick(&c->prog, irm_input_name(c->in));
	if (c->sum)
		c->sum->rejects++;
	if (c->reject == NULL || raw == NULL)
		return;
	if (fwrite(raw, 1, len, c->reject) != len ||
	    fputc('\n', c->reject) == EOF)
		irm_err(IRM_EXIT_FATAL, "reject file");
}

static void
event(void *arg, struct irm_event *ev)
{
	struct ctx *c = arg;
	int skip = c->only_known && strcmp(ev->activity, "other") == 0;

	if (c->sum)
		summary_event(c->sum, ev, !skip);
	c->prog.in++;
	irm_progress_tick(&c->prog, irm_input_name(c->in));
	if (skip)
		return;
	c->prog.out++;
	irm_buf_reset(&c->out);
	if (irm_event_write(ev, &c->writer, &c->out) == -1)
		irm_errx(IRM_EXIT_FATAL, "out of memory");
	write_out(c);
}

static void
run(struct ctx *c)
{
	struct irm_norm_sink sink = {event, reject, c};
	struct irm_error e;

	if (irm_norm_run(c->in, &c->opts, &c->ev, &sink, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
}

/* ------------------------------------------------------------- options */

static void
add_map(struct ctx *c, char *arg)
{
	static struct irm_colmap *map;
	char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg || eq[1] == '\0')
		irm_errx(IRM_EXIT_USAGE, "-m: expected FIELD=COLUMN: %s", arg);
	*eq = '\0';
	map = irm_xrealloc(map, (c->opts.nmap + 1) * sizeof(*map));
	map[c->opts.nmap].field = arg;
	map[c->opts.nmap].column = eq + 1;
	c->opts.nmap++;
	c->opts.map = map;
}

static void
add_domain(struct ctx *c, const char *d)
{
	static const char **list;
	static size_t n;

	list = irm_xrealloc(list, (n + 2) * sizeof(*list));
	list[n++] = d;
	list[n] = NULL;
	c->writer.internal = list;
}

enum {
	OPT_MAX_LINE = 256,
	OPT_ONLY_KNOWN,
	OPT_MAPPED_ONLY,
	OPT_SPLIT,
	OPT_SUMMARY
};

static const struct irm_opt opts[] = {
    {'f', "format", "format",
        "read every file as o365, purview-csv, graph, hr-csv, badge-json, cert or custom-csv (default: detect)"},
    IRM_OPT_HELP,
    {'i', "internal-domain", "domain",
        "with -p, pseudonymize addresses at domain too; repeatable (default: none)"},
    {'k', "key", "user",
        "prefix each line with the user and a tab (default: no prefix)"},
    {'P', "partitions", "n",
        "prefix each line with its user's partition of n and a tab, 1 to 65536 (default: off)"},
    {'m', "map", "field=column",
        "read field from this CSV column; repeatable (default: the known headers)"},
    {'o', "output", "file",
        "write the events to file, truncated first (default: stdout)"},
    {'p', "pseudonymize", "keyfile",
        "replace identities with pseudonyms keyed by keyfile (default: off)"},
    IRM_OPT_REJECT,
    {'s', "hr-scenario", "scenario",
        "read HR files as resignation, job-change, review, pip or profile (default: from the columns)"},
    {'t', "tz", "zone",
        "read times without a zone as local time in zone (default: UTC)"},
    {'u', "unbuffered", NULL, "flush the output after each event"},
    {'v', "verbose", NULL,
        "end with the records in, events out and rejected, and the time, on stderr"},
    IRM_OPT_VERSION,
    {OPT_MAPPED_ONLY, "mapped-only", NULL,
        "leave out o365.audit, the facts that no field holds"},
    {OPT_MAX_LINE, "max-line", "size",
        "reject records longer than size bytes, 1K to 1G (default: 16M)"},
    {OPT_ONLY_KNOWN, "only-known", NULL,
        "drop the events of activity \"other\""},
    {OPT_SPLIT, "split", "dir",
        "with -P, write partition K's events to dir/part-K, without the prefix (default: off)"},
    {OPT_SUMMARY, "summary", NULL,
        "end with a summary of what was read, on stderr"},
    {0, NULL, NULL, NULL},
};

static const char synopsis[] =
    "usage: irm-norm [-uv] [-f format] [-i domain] [-k user] [-m field=column]\n"
    "                [-o file] [-P n] [-p keyfile] [-r file] [-s scenario]\n"
    "                [-t zone]\n"
    "                [--mapped-only] [--max-line size] [--only-known]\n"
    "                [--split dir] [--summary] [file ...]\n";

int
main(int argc, char *argv[])
{
	static struct ctx c;
	const char *keyfile = NULL, *output = NULL, *rejfile = NULL, *errstr;
	size_t maxline = MAX_LINE_DEFAULT;
	struct irm_error e;
	struct option lo[IRM_OPT_MAX];
	char so[2 * IRM_OPT_MAX];
	int ch;

	irm_setprogname(argv[0]);
	if (irm_opt_getopt(opts, "", so, sizeof(so), lo, IRM_OPT_MAX) == -1)
		irm_errx(IRM_EXIT_FATAL, "option table too large");
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (ch) {
		case 'f':
			c.opts.format = irm_format_parse(optarg);
			if (c.opts.format == IRM_FMT_AUTO)
				irm_errx(IRM_EXIT_USAGE,
				    "-f: unknown format: %s", optarg);
			break;
		case 'h':
			usage(IRM_EXIT_OK);
		case 'i':
			add_domain(&c, optarg);
			break;
		case 'k':
			if (!irm_strcaseeq(optarg, "user"))
				irm_errx(IRM_EXIT_USAGE,
				    "-k: only 'user' is a key: %s", optarg);
			c.writer.key_user = 1;
			break;
		case 'P':
			c.writer.partitions =
			    (unsigned)irm_parse_num(optarg, 1, 65536, &errstr);
			if (errstr)
				irm_errx(IRM_EXIT_USAGE, "-P: %s: %s", errstr,
				    optarg);
			break;
		case 'm':
			add_map(&c, optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'p':
			keyfile = optarg;
			break;
		case 'r':
			rejfile = optarg;
			break;
		case 's':
			c.opts.hr_scenario = irm_hr_scenario_parse(optarg);
			if (c.opts.hr_scenario == IRM_HR_NONE)
				irm_errx(IRM_EXIT_USAGE,
				    "-s: unknown HR scenario: %s", optarg);
			break;
		case 't':
			if (irm_time_setzone(optarg, &e) == -1)
				irm_errx(IRM_EXIT_USAGE, "-t: %s", e.msg);
			break;
		case 'u':
			c.unbuffered = 1;
			break;
		case 'v':
			c.verbose = 1;
			break;
		case 'V':
			printf("irm-norm %s\n", IRM_VERSION);
			return IRM_EXIT_OK;
		case OPT_MAX_LINE:
			maxline = (size_t)irm_parse_size(
			    optarg, 1024, 1L << 30, &errstr);
			if (errstr)
				irm_errx(IRM_EXIT_USAGE, "--max-line: %s: %s",
				    errstr, optarg);
			break;
		case OPT_ONLY_KNOWN:
			c.only_known = 1;
			break;
		case OPT_MAPPED_ONLY:
			c.writer.mapped_only = 1;
			break;
		case OPT_SPLIT:
			c.split.dir = optarg;
			break;
		case OPT_SUMMARY:
			c.sum = irm_xcalloc(1, sizeof(*c.sum));
			break;
		default:
			usage(IRM_EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	if (keyfile) {
		c.writer.pseudo = irm_pseudo_load(keyfile, &e);
		if (c.writer.pseudo == NULL)
			irm_errx(IRM_EXIT_USAGE, "-p: %s", e.msg);
	}
	if (c.split.dir) {
		if (c.writer.partitions == 0)
			irm_errx(IRM_EXIT_USAGE, "--split needs -P");
		if (output)
			irm_errx(IRM_EXIT_USAGE, "--split and -o: choose one");
		if (mkdir(c.split.dir, 0777) == -1 && errno != EEXIST)
			irm_err(IRM_EXIT_USAGE, "--split: %s", c.split.dir);
		c.split.n = c.writer.partitions;
		c.split.f = irm_xcalloc(c.split.n, sizeof(*c.split.f));
		c.split.made = irm_xcalloc(c.split.n, 1);
	}
	if (rejfile && (c.reject = irm_open_reject(rejfile)) == NULL)
		irm_err(IRM_EXIT_USAGE, "reject file: %s", rejfile);
	if (output && irm_out_stdout(output, IRM_OUT_TRUNC) == -1)
		irm_err(IRM_EXIT_USAGE, "%s", output);
	c.in = irm_input_new(argc, argv, maxline);
	irm_input_set_spill(c.in, c.reject);
	irm_event_init(&c.ev);
	irm_buf_init(&c.out, maxline * 8 + 65536);
	irm_progress_start(&c.prog, "records",
	    isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO));
	run(&c);
	irm_progress_end(&c.prog);
	if (c.verbose)
		irm_progress_summary(&c.prog, "events");
	if (c.sum) {
		summary_print(c.sum);
		free(c.sum);
	}

	if (c.split.dir) {
		split_close(&c.split);
		free(c.split.f);
		free(c.split.made);
	}
	if (irm_out_close(stdout) == -1)
		irm_err(IRM_EXIT_FATAL, "stdout");
	if (c.reject && irm_out_close(c.reject) == -1)
		irm_err(IRM_EXIT_FATAL, "reject file");
	irm_event_free(&c.ev);
	irm_buf_free(&c.out);
	irm_input_free(c.in);
	irm_pseudo_free((struct irm_pseudo *)c.writer.pseudo);
	return c.rval;
}

static void
usage(int code)
{
	irm_usage(code, synopsis, opts, NULL);
}
