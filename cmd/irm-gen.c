/*
 * irm-gen - write a synthetic tenant with planted insiders.
 *
 *	irm-gen [-lv] [-u users] [-d days] [-b start] [-s seed] [-z zone]
 *	        [-f format] [-c scenario[=n]]... [--density n]
 *	        [--personal n] dir
 *
 * See irm-gen(1).  The work is in lib/gen_*.c (irm_gen.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "irm.h"
#include "irm_gen.h"

static _Noreturn void done(int code);
static _Noreturn void usage(int code);

enum { OPT_DENSITY = 256, OPT_PERSONAL };

static const struct irm_opt opts[] = {
    {'b', "begin", "start", "the first day, YYYY-MM-DD (default: 2026-03-02)"},
    {'c', "scenario", "scenario[=n]",
        "plant scenario in n users, in any case; repeatable (default: every scenario, by density)"},
    {'d', "days", "days", "the number of days, 1 to 3660 (default: 40)"},
    {'f', "format", "format", "the activity as o365 or cert (default: o365)"},
    IRM_OPT_HELP,
    {'l', "list-scenarios", NULL, "print the scenarios and exit"},
    {'s', "seed", "seed", "the seed of every random choice (default: 1)"},
    {'u', "users", "users",
        "the number of users, 10 to 1000000 (default: 100)"},
    {'v', "verbose", NULL,
        "end with the days simulated, the records written and the time, on stderr"},
    IRM_OPT_VERSION,
    {'z', "tz", "zone", "the office's time zone (default: Europe/Berlin)"},
    {OPT_DENSITY, "density", "n",
        "planted users per 1,000 users per scenario, 0 to 1000 (default: 2)"},
    {OPT_PERSONAL, "personal", "n",
        "per cent of the users without a scenario who now and then mail a file of their own to their Gmail or upload it to their Dropbox, 0 to 100 (default: 0)"},
    {0, NULL, NULL, NULL},
};

static const char synopsis[] =
    "usage: irm-gen [-lv] [-u users] [-d days] [-b start] [-s seed] "
    "[-z zone]\n"
    "               [-f format] [-c scenario[=n]] [--density n]\n"
    "               [--personal n] dir\n";

static long long
number(const char *opt, const char *s, long long min, long long max)
{
	const char *errstr;
	long long v = irm_parse_num(s, min, max, &errstr);

	if (errstr)
		irm_errx(IRM_EXIT_USAGE, "%s: %s: %s (%lld to %lld)", opt, s,
		    errstr, min, max);
	return v;
}

/* YYYY-MM-DD, in days since 1970-01-01. */
static int64_t
start_day(const char *s)
{
	struct irm_error e;
	int64_t ms;
	int flags = IRM_TIME_UTC;

	if (strlen(s) != 10 || irm_time_parse(s, 10, &flags, &ms, &e) == -1 ||
	    !(flags & IRM_TIME_DATE))
		irm_errx(
		    IRM_EXIT_USAGE, "--begin: %s: not a date (YYYY-MM-DD)", s);
	return ms / 86400000;
}

/* NAME, NAME=N, all or none.  The first --scenario drops the default. */
static void
scenario(struct irm_gen_opts *o, const char *arg, int *first)
{
	char name[64];
	const char *eq = strchr(arg, '=');
	size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
	int sc, count = -1;

	if (*first)
		for (sc = 0; sc < GEN_NSCEN; sc++)
			o->count[sc] = 0;
	*first = 0;
	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, arg, n);
	name[n] = '\0';
	if (eq)
		count = (int)number("--scenario", eq + 1, 0, 100000);
	if (irm_strcaseeq(name, "all") || irm_strcaseeq(name, "none")) {
		for (sc = 0; sc < GEN_NSCEN; sc++)
			o->count[sc] = irm_strcaseeq(name, "all") ? count : 0;
		return;
	}
	if ((sc = irm_gen_scenario_parse(name)) == -1)
		irm_errx(IRM_EXIT_USAGE,
		    "--scenario: unknown scenario: %s (see -l)", name);
	o->count[sc] = count;
}

static double
density(const char *s)
{
	char *end;
	double d = strtod(s, &end);

	if (*s == '\0' || *end != '\0' || !(d >= 0 && d <= 1000))
		irm_errx(IRM_EXIT_USAGE,
		    "--density: %s: not a number from 0 to 1000", s);
	return d;
}

static void
list(void)
{
	int sc;

	for (sc = 0; sc < GEN_NSCEN; sc++)
		printf("%-26s %-6s %s\n", irm_gen_scenario_name(sc),
		    irm_gen_scenario_expected(sc), irm_gen_scenario_about(sc));
	done(IRM_EXIT_OK);
}

/* The progress line: days written, per second, the last day. */
struct prog {
	struct irm_progress p; /* in: days, out: records */
	int64_t start;         /* the first day */
};

static void
day_done(void *arg, unsigned day, const struct irm_gen_stats *st)
{
	struct prog *g = arg;
	char where[64];
	int64_t y;
	unsigned m, d;

	g->p.in = day + 1;
	g->p.out = st->records;
	if (!g->p.show)
		return;
	irm_civil_from_days(g->start + day, &y, &m, &d);
	snprintf(where, sizeof(where), "%04lld-%02u-%02u", (long long)y, m, d);
	irm_progress_show(&g->p, where);
}

/* Exit with code once stdout is written out; a write error exits 3. */
static void
done(int code)
{
	if (irm_out_close(stdout) == -1)
		irm_err(IRM_EXIT_FATAL, "stdout");
	exit(code);
}

int
main(int argc, char *argv[])
{
	struct irm_gen_opts o;
	struct irm_gen_stats st;
	struct irm_error e;
	struct prog g;
	struct option lo[IRM_OPT_MAX];
	char so[2 * IRM_OPT_MAX];
	int ch, sc, first = 1, verbose = 0;

	irm_setprogname(argv[0]);
	if (irm_opt_getopt(opts, "", so, sizeof(so), lo, IRM_OPT_MAX) == -1)
		irm_errx(IRM_EXIT_FATAL, "option table too large");
	memset(&o, 0, sizeof(o));
	o.users = 100;
	o.days = 40;
	o.start = irm_days_from_civil(2026, 3, 2);
	o.seed = 1;
	o.zone = "Europe/Berlin";
	o.density = 2;
	for (sc = 0; sc < GEN_NSCEN; sc++)
		o.count[sc] = -1;
	/* Planted only when asked (-c): the default tenant stays as it was. */
	o.count[GEN_SC_COMPROMISED] = 0;
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (ch) {
		case 'b':
			o.start = start_day(optarg);
			break;
		case 'c':
			scenario(&o, optarg, &first);
			break;
		case 'd':
			o.days = (unsigned)number("--days", optarg, 1, 3660);
			break;
		case 'f':
			if (irm_strcaseeq(optarg, "o365"))
				o.format = GEN_FMT_O365;
			else if (irm_strcaseeq(optarg, "cert"))
				o.format = GEN_FMT_CERT;
			else
				irm_errx(IRM_EXIT_USAGE,
				    "--format: %s: not o365 or cert", optarg);
			break;
		case 'h':
			usage(IRM_EXIT_OK);
		case 'l':
			list();
			break;
		case 's':
			o.seed = (uint64_t)number(
			    "--seed", optarg, 0, 9007199254740991LL);
			break;
		case 'u':
			o.users =
			    (unsigned)number("--users", optarg, 10, 1000000);
			break;
		case 'v':
			verbose = 1;
			break;
		case 'V':
			printf("irm-gen %s\n", IRM_VERSION);
			done(IRM_EXIT_OK);
		case 'z':
			o.zone = optarg;
			break;
		case OPT_DENSITY:
			o.density = density(optarg);
			break;
		case OPT_PERSONAL:
			o.personal =
			    (unsigned)number("--personal", optarg, 0, 100);
			break;
		default:
			usage(IRM_EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		usage(IRM_EXIT_USAGE);
	if (!irm_time_zone_ok(o.zone))
		irm_errx(IRM_EXIT_USAGE, "--tz: unknown time zone: %s", o.zone);
	irm_progress_start(&g.p, "days", isatty(STDERR_FILENO));
	g.start = o.start;
	o.day_done = day_done;
	o.arg = &g;
	if (irm_gen_write(&o, argv[0], &st, &e) == -1)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	irm_progress_end(&g.p);
	g.p.out = st.records;
	if (verbose)
		irm_progress_summary(&g.p, "records");
	done(IRM_EXIT_OK);
}

static void
usage(int code)
{
	irm_usage(code, synopsis, opts, NULL);
}
