/*
 * irm_err.c - err(3)-style messages with the program name and an input
 * position, the warning callbacks through which library code hands its
 * warnings to the tools, and allocators that die when memory runs out.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "irm.h"

static const char *progname = "irm";
static int progress_drawn; /* a progress line is on stderr */

/* Erase a progress line before a message takes its place. */
static void
progress_erase(void)
{
	if (progress_drawn)
		fputs("\r\033[K", stderr);
	progress_drawn = 0;
}

void
irm_setprogname(const char *argv0)
{
	const char *p;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	p = strrchr(argv0, '/');
	progname = p ? p + 1 : argv0;
}

const char *
irm_getprogname(void)
{
	return progname;
}

static void
vmsg(const struct irm_pos *pos, int errnum, const char *fmt, va_list ap)
{
	progress_erase();
	fprintf(stderr, "%s: ", progname);
	if (pos)
		fprintf(stderr, "%s:%lu: ", pos->file, pos->line);
	vfprintf(stderr, fmt, ap);
	if (errnum)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void
irm_warn(const char *fmt, ...)
{
	int errnum = errno;
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, errnum, fmt, ap);
	va_end(ap);
}

void
irm_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
}

void
irm_warnx_at(const struct irm_pos *pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(pos, 0, fmt, ap);
	va_end(ap);
}

void
irm_err(int code, const char *fmt, ...)
{
	int errnum = errno;
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, errnum, fmt, ap);
	va_end(ap);
	exit(code);
}

void
irm_errx(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
	exit(code);
}

int
irm_seterr(struct irm_error *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

void
irm_usage(int code, const char *synopsis, const struct irm_opt *opts,
    const char *more)
{
	struct irm_buf b;

	if (code) {
		fputs(synopsis, stderr);
		exit(code);
	}
	irm_buf_init(&b, 1 << 20);
	if (irm_buf_adds(&b, synopsis) == -1 || irm_buf_addc(&b, '\n') == -1 ||
	    (opts && irm_opt_help(opts, &b) == -1) ||
	    (more && irm_buf_adds(&b, more) == -1))
		irm_errx(IRM_EXIT_FATAL, "usage: too long");
	if (fwrite(b.data, 1, b.len, stdout) != b.len || fflush(stdout) == EOF)
		irm_err(IRM_EXIT_FATAL, "stdout");
	irm_buf_free(&b);
	exit(IRM_EXIT_OK);
}

void
irm_warn_print(void *arg, const char *msg)
{
	(void)arg;
	irm_warnx("%s", msg);
}

void
irm_warn_to(irm_warn_fn fn, void *arg, const char *fmt, ...)
{
	struct irm_buf b;
	va_list ap;
	int rc;

	if (fn == NULL)
		return;
	irm_buf_init(&b, (size_t)-1 / 2);
	va_start(ap, fmt);
	rc = irm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (rc == 0)
		fn(arg, b.data);
	irm_buf_free(&b);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
irm_progress_start(struct irm_progress *p, const char *what, int show)
{
	memset(p, 0, sizeof(*p));
	p->what = what;
	p->show = show;
	p->start = p->last = now();
}

void
irm_progress_tick(struct irm_progress *p, const char *where)
{
	/* The clock is read every 64 records: a few ns a record. */
	if (!p->show || (++p->ticks & 63) != 0)
		return;
	irm_progress_show(p, where);
}

void
irm_progress_show(struct irm_progress *p, const char *where)
{
	double t, dt;

	if (!p->show)
		return;
	t = now();
	dt = t - p->start;
	if (dt < 1 || t - p->last < 0.5)
		return;
	p->last = t;
	fprintf(stderr, "\r%s: %llu %s, %.0f/s%s%s\033[K", progname, p->in,
	    p->what, (double)p->in / dt, where ? ", " : "", where ? where : "");
	progress_drawn = 1;
}

void
irm_progress_end(struct irm_progress *p)
{
	(void)p;
	progress_erase();
}

void
irm_progress_summary(const struct irm_progress *p, const char *out)
{
	progress_erase();
	fprintf(stderr, "%s: %llu %s in, %llu %s out, %llu rejected, %.2f s\n",
	    progname, p->in, p->what, p->out, out, p->rejected,
	    now() - p->start);
}

static _Noreturn void
nomem(void)
{
	fprintf(stderr, "%s: out of memory\n", progname);
	exit(IRM_EXIT_FATAL);
}

void *
irm_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		nomem();
	return p;
}

void *
irm_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		nomem();
	return p;
}

void *
irm_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		nomem();
	return q;
}

char *
irm_xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		nomem();
	return p;
}
