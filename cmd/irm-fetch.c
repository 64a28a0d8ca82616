/*
 * irm-fetch - pull raw audit records from Microsoft 365 and Graph
 *
 *	irm-fetch o365 --tenant id --client-id id [--content-type list]
 *	    [--start time [--end time] | --since duration] [-s file] [-o file]
 *	    [--base-url url] [--login-url url] [--token-endpoint v1|v2] ...
 *	irm-fetch graph --tenant id --client-id id --resource list ...
 *	irm-fetch url [--header-file file] [--next link|json:field] url
 *
 * Writes each audit record, unchanged, as one JSON line to stdout or, with
 * -o, appended to a file and fsync'd before the state (-s) advances, so
 * cron runs lose nothing and write nothing twice.  The client secret comes
 * from --client-secret-file or IRM_CLIENT_SECRET, never from argv.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "irm.h"
#include "irm_fetch.h"

static _Noreturn void usage(int code);

#define MAX_TYPES 16
#define MAX_HEADERS 64

static const char *all_types[] = {"Audit.AzureActiveDirectory",
    "Audit.Exchange", "Audit.SharePoint", "Audit.General", "DLP.All"};

struct opts {
	const char *mode;
	const char *tenant, *client_id, *secret_file;
	const char *base_url, *login_url, *publisher;
	const char *cacert, *proxy, *state, *output;
	const char *header_file, *next;
	char *types;  /* --content-type or --resource, comma separated */
	int token_v2; /* -1 unset */
	int max_retries;
	int quiet, verbose;
	int64_t start, end, since; /* ms, -1 unset */
	struct irm_progress prog;  /* records in and out, data lost */
	struct irm_sink sink;      /* the run's: say reads its records */
};

/* ------------------------------------------------------------------ */
/* Messages and progress. */

/*
 * The progress line is the other tools' (irm_progress): records, rate
 * and where the run is; a message erases it first.  A warning is data
 * lost or rejected: -v counts it as rejected.
 */
static void
say(void *arg, int level, const char *msg)
{
	struct opts *o = arg;

	if (level == IRM_SAY_PROGRESS) {
		o->prog.in = o->prog.out = (unsigned long long)o->sink.records;
		irm_progress_show(&o->prog, msg);
		return;
	}
	if (level == IRM_SAY_WARN)
		o->prog.rejected++;
	if (level != IRM_SAY_WARN && !o->verbose)
		return;
	irm_warnx("%s", msg);
}

/*
 * The run is over: -v prints the summary, unless it failed (exit 3), as
 * the other tools do: the failure's message stays the last line.
 */
static void
summary(struct opts *o, int rc)
{
	o->prog.in = o->prog.out = (unsigned long long)o->sink.records;
	if (o->verbose && rc != -1)
		irm_progress_summary(&o->prog, "records");
}

/* ------------------------------------------------------------------ */
/* Option values. */

static int64_t
opt_time(const char *name, const char *s)
{
	struct irm_error e;
	int flags = IRM_TIME_UTC;
	int64_t ms;

	if (irm_time_parse(s, strlen(s), &flags, &ms, &e) == -1)
		irm_errx(IRM_EXIT_USAGE, "%s: %s", name, e.msg);
	return ms;
}

/* A duration: a number and s, m, h or d. */
static int64_t
opt_duration(const char *name, const char *s)
{
	size_t n = strlen(s);
	char num[32];
	const char *err;
	long long v, unit;

	if (n < 2 || n >= sizeof(num))
		irm_errx(IRM_EXIT_USAGE,
		    "%s: expected a number and s, m, h or d: %s", name, s);
	switch (s[n - 1]) {
	case 's':
		unit = 1000;
		break;
	case 'm':
		unit = 60 * 1000;
		break;
	case 'h':
		unit = IRM_MS_HOUR;
		break;
	case 'd':
		unit = IRM_MS_DAY;
		break;
	default:
		irm_errx(IRM_EXIT_USAGE,
		    "%s: expected a number and s, m, h or d: %s", name, s);
	}
	memcpy(num, s, n - 1);
	num[n - 1] = '\0';
	v = irm_parse_num(num, 1, 3650LL * IRM_MS_DAY / unit, &err);
	if (err)
		irm_errx(IRM_EXIT_USAGE, "%s: %s: %s", name, err, s);
	return v * unit;
}

/* Tenant ids and content types go into URLs: keep them plain. */
static void
opt_plain(const char *name, const char *s)
{
	if (*s == '\0' ||
	    s[strspn(s,
	        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijk"
	        "lmnopqrstuvwxyz0123456789.-_")] != '\0')
		irm_errx(
		    IRM_EXIT_USAGE, "%s: unexpected characters: %s", name, s);
}

/* The origin a --base-url or --login-url must be: no path. */
static void
opt_origin(const char *name, const char *s)
{
	const char *p = strstr(s, "://");

	if (p == NULL || strchr(p + 3, '/') || strchr(p + 3, '?'))
		irm_errx(IRM_EXIT_USAGE,
		    "%s: expected scheme, host and port only: %s", name, s);
}

static int64_t
now_ms(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH"), *err;
	long long s;

	if (sde && *sde) {
		s = irm_parse_num(sde, 0, 253402300799LL, &err);
		if (err)
			irm_errx(IRM_EXIT_USAGE, "SOURCE_DATE_EPOCH: %s: %s",
			    err, sde);
		return s * 1000;
	}
	return (int64_t)time(NULL) * 1000;
}

static double
delay_scale(void)
{
	const char *s = getenv("IRM_FETCH_DELAY_SCALE");
	char *end;
	double v;

	if (s == NULL || *s == '\0')
		return 1;
	v = strtod(s, &end);
	if (*end != '\0' || !(v > 0 && v <= 1000))
		irm_errx(IRM_EXIT_USAGE,
		    "IRM_FETCH_DELAY_SCALE: not a factor above 0: %s", s);
	return v;
}

/* ------------------------------------------------------------------ */
/* Files. */

/* The first line of a secret file (or IRM_CLIENT_SECRET); owned. */
static char *
read_secret(const char *path)
{
	char buf[4096];
	const char *env = getenv("IRM_CLIENT_SECRET");
	FILE *fp;
	size_t n;

	struct irm_error e;
	char *s;

	if (path == NULL) {
		if (env == NULL || *env == '\0')
			irm_errx(IRM_EXIT_USAGE,
			    "no client secret: use --client-secret-file or IRM_CLIENT_SECRET");
		s = irm_xstrdup(env);
		/* One copy, not two, for anything that reads our memory. */
		explicit_bzero((char *)env, strlen(env));
		unsetenv("IRM_CLIENT_SECRET");
		return s;
	}
	if ((fp = fopen(path, "r")) == NULL)
		irm_err(IRM_EXIT_USAGE, "%s", path);
	/* As ssh does with a private key: a secret others can read is
	 * no longer a secret, and is not used. */
	if (irm_secret_check(fileno(fp), path, &e) == -1)
		irm_errx(IRM_EXIT_USAGE, "%s", e.msg);
	if (fgets(buf, sizeof(buf), fp) == NULL)
		buf[0] = '\0';
	fclose(fp);
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	if (n == 0)
		irm_errx(
		    IRM_EXIT_USAGE, "%s: no secret on the first line", path);
	s = irm_xstrdup(buf);
	explicit_bzero(buf, sizeof(buf));
	return s;
}

/* "Name: value" lines of a header file, NULL-terminated; owned. */
static char **
read_headers(const char *path)
{
	char **h = irm_xcalloc(MAX_HEADERS + 1, sizeof(*h));
	char *line = NULL;
	size_t cap = 0, n = 0;
	unsigned long lineno = 0;
	ssize_t len;
	FILE *fp = fopen(path, "r");

	if (fp == NULL)
		irm_err(IRM_EXIT_USAGE, "%s", path);
	while ((len = getline(&line, &cap, fp)) != -1) {
		struct irm_pos pos = {path, ++lineno};

		line[strcspn(line, "\r\n")] = '\0';
		if (*line == '\0' || *line == '#')
			continue;
		if (strchr(line, ':') == NULL || *line == ':' ||
		    strpbrk(line, " \t") < strchr(line, ':')) {
			/* The line may hold a token: never print it. */
			irm_warnx_at(&pos, "not a \"Name: value\" header");
			exit(IRM_EXIT_USAGE);
		}
		if (n == MAX_HEADERS)
			irm_errx(IRM_EXIT_USAGE, "%s: more than %d headers",
			    path, MAX_HEADERS);
		h[n++] = irm_xstrdup(line);
	}
	free(line);
	fclose(fp);
	return h;
}

/*
 * A header's value may be a credential ("Authorization: Bearer TOKEN"):
 * never show it, nor its last word, should the service echo it.
 */
static void
hide_header(struct irm_fetch *f, const char *h)
{
	const char *v = strchr(h, ':') + 1, *w;

	v += strspn(v, " \t");
	irm_fetch_hide(f, v);
	if ((w = strrchr(v, ' ')) != NULL)
		irm_fetch_hide(f, w + 1);
}

struct out {
	int fd;
	int sync; /* a regular file: fsync after each write */
};

/*
 * Write one blob's lines.  When a file cannot take them all (a full disk,
 * an I/O error), cut it back to where the blob began, so the file holds
 * whole blobs only and the rerun that writes the blob again doubles
 * nothing.
 */
static int
emit(void *arg, const char *data, size_t len)
{
	struct out *o = arg;
	struct stat st;
	int saved;

	if (!o->sync)
		return irm_write_all(o->fd, data, len);
	if (fstat(o->fd, &st) == -1)
		return -1;
	if (irm_write_all(o->fd, data, len) == 0 && fsync(o->fd) == 0)
		return 0;
	saved = errno;
	if (ftruncate(o->fd, st.st_size) == 0)
		(void)fsync(o->fd);
	errno = saved;
	return -1;
}

static void
open_output(struct out *o, const char *path)
{
	struct stat st;

	o->fd = STDOUT_FILENO;
	if (path) {
		if ((o->fd = irm_out_open(path, IRM_OUT_APPEND)) == -1)
			irm_err(IRM_EXIT_USAGE, "%s", path);
		if (flock(o->fd, LOCK_EX | LOCK_NB) == -1)
			irm_errx(IRM_EXIT_FATAL, "%s: %s", path,
			    errno == EWOULDBLOCK
			        ? "locked by another irm-fetch run"
			        : strerror(errno));
		/* A partial last line's blob is not in the state: cutting
		 * it loses nothing. */
		if (irm_cut_partial_line(o->fd, path, irm_warn_print, NULL) ==
		    -1)
			irm_err(IRM_EXIT_FATAL, "%s", path);
	}
	o->sync = fstat(o->fd, &st) == 0 && S_ISREG(st.st_mode);
}

/* ------------------------------------------------------------------ */
/* Modes. */

/* Split list at commas into v; checks each entry with ok. */
static int
split(char *list, const char **v, int max, const char *name)
{
	int n = 0;

	for (char *p = list, *c; p; p = c) {
		if ((c = strchr(p, ',')) != NULL)
			*c++ = '\0';
		if (*p == '\0')
			continue;
		if (n == max)
			irm_errx(IRM_EXIT_USAGE, "%s: too many entries", name);
		opt_plain(name, p);
		v[n++] = p;
	}
	return n;
}

static void
check_types(const char **v, int n)
{
	for (int i = 0; i < n; i++) {
		size_t k;

		for (k = 0; k < 5 && strcmp(v[i], all_types[k]) != 0; k++)
			;
		if (k == 5)
			irm_errx(IRM_EXIT_USAGE,
			    "--content-type: unknown content type: %s", v[i]);
	}
}

static int
run_pull(struct opts *o, struct out *out)
{
	const char *keys[MAX_TYPES];
	struct irm_fetch_opts fo = {0};
	struct irm_pull p = {0};
	struct irm_error e = {{0}};
	struct irm_fetch *f;
	int o365 = strcmp(o->mode, "o365") == 0, busy, rc;
	char *secret;

	if (o->tenant == NULL || o->client_id == NULL)
		irm_errx(IRM_EXIT_USAGE,
		    "%s: --tenant and --client-id are required", o->mode);
	opt_plain("--tenant", o->tenant);
	p.nkeys = o->types ? split(o->types, keys, MAX_TYPES,
	                         o365 ? "--content-type" : "--resource")
	                   : 0;
	if (o365 && p.nkeys == 0) {
		memcpy(keys, all_types, sizeof(all_types));
		p.nkeys = 5;
	} else if (o365)
		check_types(keys, p.nkeys);
	else if (p.nkeys == 0)
		irm_errx(IRM_EXIT_USAGE, "graph: --resource is required");
	for (int i = 0; !o365 && i < p.nkeys; i++)
		if (irm_graph_path(keys[i]) == NULL)
			irm_errx(IRM_EXIT_USAGE,
			    "--resource: unknown: %s (directoryAudits, signIns, alerts_v2)",
			    keys[i]);
	p.keys = keys;
	p.now = now_ms();
	p.start = o->since >= 0 ? p.now - o->since : o->start;
	p.end = o->end;
	p.overlap = 12 * IRM_MS_HOUR;
	/* With a state the start matters only until the state has a
	 * cursor: a cron line keeps its --start, so do not refuse it. */
	if (o365 && !o->state && p.start >= 0 &&
	    p.start < p.now - 7 * IRM_MS_DAY)
		irm_errx(IRM_EXIT_USAGE,
		    "--start: more than 7 days ago; the API keeps 7 days");
	if (p.end >= 0 && p.start >= 0 && p.end <= p.start)
		irm_errx(IRM_EXIT_USAGE, "--end: not after the start");
	p.base = o->base_url ? o->base_url
	    : o365           ? "https://manage.office.com"
	                     : "https://graph.microsoft.com";
	p.tenant = o->tenant;
	p.publisher = o->publisher ? o->publisher : o->tenant;
	opt_plain("--publisher-id", p.publisher);
	secret = read_secret(o->secret_file);
	fo.cacert = o->cacert;
	fo.proxy = o->proxy;
	fo.max_retries = o->max_retries;
	fo.scale = delay_scale();
	fo.verbose = o->verbose;
	fo.login_url =
	    o->login_url ? o->login_url : "https://login.microsoftonline.com";
	fo.tenant = o->tenant;
	fo.client_id = o->client_id;
	fo.secret = secret;
	fo.token_v2 = o->token_v2 >= 0 ? o->token_v2 : !o365;
	fo.api_base = p.base;
	fo.say = say;
	fo.arg = o;
	f = irm_fetch_new(&fo, &e);
	memset(secret, 0, strlen(secret));
	free(secret);
	if (f == NULL)
		irm_errx(IRM_EXIT_USAGE, "%s", e.msg);
	if (o->state &&
	    (p.state = irm_fstate_open(
	         o->state, o->mode, o->tenant, &busy, &e)) == NULL)
		irm_errx(IRM_EXIT_FATAL, "%s", e.msg);
	if (o->state)
		irm_dir_check(o->state, 1, "state", irm_warn_print, NULL);
	open_output(out, o->output);
	o->sink.emit = emit;
	o->sink.arg = out;
	p.sink = &o->sink;
	rc = o365 ? irm_o365_run(f, &p, &e) : irm_graph_run(f, &p, &e);
	irm_progress_end(&o->prog);
	irm_fetch_redact(f, e.msg, strlen(e.msg));
	if (rc == -1)
		irm_warnx("%s", e.msg);
	summary(o, rc);
	irm_fstate_free(p.state);
	irm_fetch_free(f);
	return rc == -1 ? IRM_EXIT_FATAL : rc == 1 ? IRM_EXIT_REJECT : 0;
}

static int
run_url(struct opts *o, const char *url, struct out *out)
{
	struct irm_fetch_opts fo = {0};
	struct irm_error e = {{0}};
	struct irm_fetch *f;
	char **headers = NULL;
	const char *next = NULL;
	int rc;

	if (o->next && strcmp(o->next, "link") != 0) {
		if (strncmp(o->next, "json:", 5) != 0 || o->next[5] == '\0')
			irm_errx(IRM_EXIT_USAGE,
			    "--next: expected link or json:FIELD: %s", o->next);
		next = o->next + 5;
	}
	if (o->header_file)
		headers = read_headers(o->header_file);
	fo.cacert = o->cacert;
	fo.proxy = o->proxy;
	fo.max_retries = o->max_retries;
	fo.scale = delay_scale();
	fo.verbose = o->verbose;
	fo.allow_file = 1;
	fo.say = say;
	fo.arg = o;
	if ((f = irm_fetch_new(&fo, &e)) == NULL ||
	    irm_fetch_url_ok(f, url, &e) == -1)
		irm_errx(IRM_EXIT_USAGE, "%s", e.msg);
	open_output(out, o->output);
	o->sink.emit = emit;
	o->sink.arg = out;
	for (char **h = headers; h && *h; h++)
		hide_header(f, *h);
	rc = irm_url_run(
	    f, url, next, (const char *const *)headers, &o->sink, &e);
	irm_progress_end(&o->prog);
	irm_fetch_redact(f, e.msg, strlen(e.msg));
	if (rc == -1)
		irm_warnx("%s", e.msg);
	summary(o, rc);
	for (char **h = headers; h && *h; h++) {
		memset(*h, 0, strlen(*h));
		free(*h);
	}
	free(headers);
	irm_fetch_free(f);
	return rc == -1 ? IRM_EXIT_FATAL : 0;
}

/* ------------------------------------------------------------------ */

enum {
	OPT_BASE_URL = 256,
	OPT_CACERT,
	OPT_CLIENT_ID,
	OPT_CLIENT_SECRET_FILE,
	OPT_CONTENT_TYPE,
	OPT_END,
	OPT_HEADER_FILE,
	OPT_LOGIN_URL,
	OPT_MAX_RETRIES,
	OPT_NEXT,
	OPT_PROXY,
	OPT_PUBLISHER_ID,
	OPT_RESOURCE,
	OPT_SINCE,
	OPT_START,
	OPT_TENANT,
	OPT_TOKEN_ENDPOINT
};

static const struct irm_opt opts[] = {
    IRM_OPT_HELP,
    {'o', "output", "file",
        "append the records to file, synced before the state moves (default: stdout)"},
    {'q', "quiet", NULL, "print no progress line on a terminal"},
    {'s', "state", "file",
        "resume from and advance the state in file (default: none)"},
    {'v', "verbose", NULL,
        "trace each request and response on stderr, secrets redacted, and end with the records and the time"},
    IRM_OPT_VERSION,
    {OPT_BASE_URL, "base-url", "url",
        "the API's origin (default: https://manage.office.com or graph.microsoft.com)"},
    {OPT_CACERT, "cacert", "file",
        "trust the CA certificates in file (default: the system's)"},
    {OPT_CLIENT_ID, "client-id", "id",
        "the application (client) id (required for o365 and graph)"},
    {OPT_CLIENT_SECRET_FILE, "client-secret-file", "file",
        "read the client secret from file (default: IRM_CLIENT_SECRET)"},
    {OPT_CONTENT_TYPE, "content-type", "list",
        "o365: the content types, separated by commas (default: all five)"},
    {OPT_END, "end", "time",
        "the end of the last window, RFC 3339 (default: now)"},
    {OPT_HEADER_FILE, "header-file", "file",
        "url: send the headers in file (default: none)"},
    {OPT_LOGIN_URL, "login-url", "url",
        "the token service's origin (default: https://login.microsoftonline.com)"},
    {OPT_MAX_RETRIES, "max-retries", "n",
        "retries of a throttled or failed request, 0 to 30 (default: 6)"},
    {OPT_NEXT, "next", "link|json:field",
        "url: follow the next page from a Link header or a JSON field (default: none)"},
    {OPT_PROXY, "proxy", "url",
        "send requests through the proxy url (default: the environment's)"},
    {OPT_PUBLISHER_ID, "publisher-id", "guid",
        "o365: the PublisherIdentifier for quotas (default: the tenant)"},
    {OPT_RESOURCE, "resource", "list",
        "graph: the resources, separated by commas (required for graph)"},
    {OPT_SINCE, "since", "duration",
        "start the first window this long ago, as 90m or 2d (default: 24h)"},
    {OPT_START, "start", "time",
        "the start of the first window, RFC 3339 (default: 24h ago, or the state)"},
    {OPT_TENANT, "tenant", "id", "the tenant id (required for o365 and graph)"},
    {OPT_TOKEN_ENDPOINT, "token-endpoint", "v1|v2",
        "the token endpoint's version (default: v1 for o365, v2 for graph)"},
    {0, NULL, NULL, NULL},
};

static const char synopsis[] =
    "usage: irm-fetch o365 --tenant id --client-id id [--client-secret-file file]\n"
    "           [--content-type list] [--start time] [--end time] "
    "[--since duration]\n"
    "           [-qv] [-o file] [-s file] [--base-url url] "
    "[--login-url url]\n"
    "           [--token-endpoint v1|v2] [--publisher-id guid] "
    "[--max-retries n]\n"
    "           [--cacert file] [--proxy url]\n"
    "       irm-fetch graph --tenant id --client-id id --resource list [options]\n"
    "       irm-fetch url [-qv] [-o file] [--header-file file] "
    "[--next link|json:field]\n"
    "           [--max-retries n] [--cacert file] [--proxy url] url\n";

static void
long_option(struct opts *o, int ch)
{
	const char *err;

	switch (ch) {
	case OPT_BASE_URL:
		opt_origin("--base-url", optarg);
		o->base_url = optarg;
		break;
	case OPT_CACERT:
		o->cacert = optarg;
		break;
	case OPT_CLIENT_ID:
		opt_plain("--client-id", optarg);
		o->client_id = optarg;
		break;
	case OPT_CLIENT_SECRET_FILE:
		o->secret_file = optarg;
		break;
	case OPT_CONTENT_TYPE:
	case OPT_RESOURCE:
		o->types = optarg;
		break;
	case OPT_END:
		o->end = opt_time("--end", optarg);
		break;
	case OPT_HEADER_FILE:
		o->header_file = optarg;
		break;
	case OPT_LOGIN_URL:
		opt_origin("--login-url", optarg);
		o->login_url = optarg;
		break;
	case OPT_MAX_RETRIES:
		o->max_retries = (int)irm_parse_num(optarg, 0, 30, &err);
		if (err)
			irm_errx(IRM_EXIT_USAGE, "--max-retries: %s: %s", err,
			    optarg);
		break;
	case OPT_NEXT:
		o->next = optarg;
		break;
	case OPT_PROXY:
		o->proxy = optarg;
		break;
	case OPT_PUBLISHER_ID:
		o->publisher = optarg;
		break;
	case OPT_SINCE:
		o->since = opt_duration("--since", optarg);
		break;
	case OPT_START:
		o->start = opt_time("--start", optarg);
		break;
	case OPT_TENANT:
		o->tenant = optarg;
		break;
	case OPT_TOKEN_ENDPOINT:
		if (!irm_strcaseeq(optarg, "v1") &&
		    !irm_strcaseeq(optarg, "v2"))
			irm_errx(IRM_EXIT_USAGE,
			    "--token-endpoint: expected v1 or v2: %s", optarg);
		o->token_v2 = optarg[1] == '2';
		break;
	default:
		usage(IRM_EXIT_USAGE);
	}
}

/* Options that do not belong to the mode are usage errors. */
static void
check_mode(const struct opts *o, int argc)
{
	int url = strcmp(o->mode, "url") == 0;

	if (strcmp(o->mode, "o365") != 0 && strcmp(o->mode, "graph") != 0 &&
	    !url) {
		irm_warnx("unknown source: %s (o365, graph or url)", o->mode);
		usage(IRM_EXIT_USAGE);
	}
	if (argc != (url ? 2 : 1))
		usage(IRM_EXIT_USAGE);
	if (url &&
	    (o->tenant || o->client_id || o->secret_file || o->state ||
	        o->types || o->base_url || o->login_url || o->start >= 0 ||
	        o->end >= 0 || o->since >= 0))
		irm_errx(IRM_EXIT_USAGE,
		    "url: takes no tenant, credentials, state or times");
	if (!url && (o->header_file || o->next))
		irm_errx(IRM_EXIT_USAGE,
		    "%s: --header-file and --next are for url", o->mode);
	if (o->since >= 0 && (o->start >= 0 || o->end >= 0))
		irm_errx(IRM_EXIT_USAGE, "--since excludes --start and --end");
}

/*
 * The client secret and the bearer token are in memory for the whole run:
 * no core file, and no ptrace or /proc/PID/mem by other processes of the
 * user (PR_SET_DUMPABLE), whatever the system's defaults.
 */
static void
no_core_dumps(void)
{
	struct rlimit rl = {0, 0};

	if (setrlimit(RLIMIT_CORE, &rl) == -1)
		irm_err(IRM_EXIT_FATAL, "setrlimit");
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == -1)
		irm_err(IRM_EXIT_FATAL, "prctl");
}

int
main(int argc, char *argv[])
{
	struct opts o = {0};
	struct out out = {STDOUT_FILENO, 0};
	struct option lo[IRM_OPT_MAX];
	char so[2 * IRM_OPT_MAX];
	int ch, rval;

	irm_setprogname(argv[0]);
	no_core_dumps();
	if (irm_opt_getopt(opts, "", so, sizeof(so), lo, IRM_OPT_MAX) == -1)
		irm_errx(IRM_EXIT_FATAL, "option table too large");
	o.token_v2 = -1;
	o.max_retries = 6;
	o.start = o.end = o.since = -1;
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(IRM_EXIT_OK);
		case 'o':
			o.output = optarg;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case 's':
			o.state = optarg;
			break;
		case 'v':
			o.verbose = 1;
			break;
		case 'V':
			printf("irm-fetch %s\n", IRM_VERSION);
			exit(IRM_EXIT_OK);
		default:
			long_option(&o, ch);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage(IRM_EXIT_USAGE);
	o.mode = argv[0];
	check_mode(&o, argc);
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	irm_progress_start(
	    &o.prog, "records", !o.quiet && isatty(STDERR_FILENO));
	if (strcmp(o.mode, "url") == 0)
		rval = run_url(&o, argv[1], &out);
	else
		rval = run_pull(&o, &out);
	if (out.fd != STDOUT_FILENO && close(out.fd) == -1)
		irm_err(IRM_EXIT_FATAL, "%s", o.output);
	if (irm_out_close(stdout) == -1)
		irm_err(IRM_EXIT_FATAL, "stdout");
	return rval;
}

static void
usage(int code)
{
	irm_usage(code, synopsis, opts, NULL);
}
