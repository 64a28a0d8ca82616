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

#include "irm.h"

static const char *progname = "irm";

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
