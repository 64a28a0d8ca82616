/*
 * gen_out.c - irm-gen's random streams and its buffered writer, which
 * formats JSON straight into the output buffer (no json-c objects: the
 * generator must write faster than irm-norm reads).
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "irm.h"
#include "gen_int.h"

#define BUFSZ (1 << 20)
#define RECMAX (32 << 10)

/* ------------------------------------------------------------ random */

uint64_t
irm_gen_mix(uint64_t z)
{
	z += 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t
irm_gen_next(uint64_t *s)
{
	*s += 0x9e3779b97f4a7c15ULL;
	return irm_gen_mix(*s);
}

unsigned
irm_gen_below(uint64_t *s, unsigned n)
{
	return n ? (unsigned)(irm_gen_next(s) % n) : 0;
}

double
irm_gen_unit(uint64_t *s)
{
	return (double)(irm_gen_next(s) >> 11) * (1.0 / 9007199254740992.0);
}

/* Knuth's method for small means, a rounded normal for large ones. */
unsigned
irm_gen_poisson(uint64_t *s, double mean)
{
	double l, p;
	unsigned k = 0;

	if (mean <= 0)
		return 0;
	if (mean > 30) {
		double u1 = irm_gen_unit(s), u2 = irm_gen_unit(s), z;

		z = sqrt(-2 * log(u1 + 1e-12)) * cos(6.283185307179586 * u2);
		p = mean + z * sqrt(mean) + 0.5;
		return p < 0 ? 0 : (unsigned)p;
	}
	l = exp(-mean);
	p = irm_gen_unit(s);
	while (p > l) {
		k++;
		p *= irm_gen_unit(s);
	}
	return k;
}

/* ------------------------------------------------------------ writer */

int
irm_gen_out_open(struct gen_out *w, const char *path, struct irm_error *e)
{
	memset(w, 0, sizeof(*w));
	w->day = -1;
	w->fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (w->fd == -1)
		return irm_seterr(e, "%s: %s", path, strerror(errno));
	w->buf = irm_xmalloc(BUFSZ);
	return 0;
}

void
irm_gen_flush(struct gen_out *w)
{
	size_t off = 0;
	ssize_t n;

	while (off < w->len && !w->failed) {
		n = write(w->fd, w->buf + off, w->len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			w->failed = 1;
			w->errno_ = errno;
			break;
		}
		off += (size_t)n;
	}
	w->bytes += w->len;
	w->len = 0;
}

int
irm_gen_out_close(struct gen_out *w, const char *path, struct irm_error *e)
{
	int rc = 0;

	if (w->buf == NULL)
		return 0;
	irm_gen_flush(w);
	if (w->failed)
		rc = irm_seterr(e, "%s: %s", path, strerror(w->errno_));
	if (close(w->fd) == -1 && rc == 0)
		rc = irm_seterr(e, "%s: %s", path, strerror(errno));
	free(w->buf);
	w->buf = NULL;
	return rc;
}

void
irm_gen_room(struct gen_out *w)
{
	if (w->len + RECMAX > BUFSZ)
		irm_gen_flush(w);
}

void
irm_gen_raw(struct gen_out *w, const char *s, size_t n)
{
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

void
irm_gen_lit(struct gen_out *w, const char *s)
{
	irm_gen_raw(w, s, strlen(s));
}

void
irm_gen_chr(struct gen_out *w, char c)
{
	w->buf[w->len++] = c;
}

/* A JSON string body: quotes, backslashes and control bytes escaped. */
void
irm_gen_esc(struct gen_out *w, const char *s)
{
	char *p = w->buf + w->len;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			*p++ = '\\';
			*p++ = (char)c;
		} else if (c == '\n') {
			*p++ = '\\';
			*p++ = 'n';
		} else if (c < 0x20) {
			*p++ = ' ';
		} else {
			*p++ = (char)c;
		}
	}
	w->len = (size_t)(p - w->buf);
}

static void
gen_uint(struct gen_out *w, uint64_t v)
{
	char b[24];
	int i = 24;

	do {
		b[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	irm_gen_raw(w, b + i, (size_t)(24 - i));
}

static void
key(struct gen_out *w, const char *k)
{
	if (!w->first)
		irm_gen_chr(w, ',');
	w->first = 0;
	if (k == NULL)
		return;
	irm_gen_chr(w, '"');
	irm_gen_lit(w, k);
	irm_gen_raw(w, "\":", 2);
}

void
irm_gen_open(struct gen_out *w, const char *k, char c)
{
	key(w, k);
	irm_gen_chr(w, c);
	w->first = 1;
}

void
irm_gen_close(struct gen_out *w, char c)
{
	irm_gen_chr(w, c);
	w->first = 0;
}

void
irm_gen_str(struct gen_out *w, const char *k, const char *v)
{
	key(w, k);
	irm_gen_chr(w, '"');
	irm_gen_esc(w, v);
	irm_gen_chr(w, '"');
}

void
irm_gen_num(struct gen_out *w, const char *k, int64_t v)
{
	key(w, k);
	if (v < 0) {
		irm_gen_chr(w, '-');
		v = -v;
	}
	gen_uint(w, (uint64_t)v);
}

void
irm_gen_bool(struct gen_out *w, const char *k, int v)
{
	key(w, k);
	irm_gen_lit(w, v ? "true" : "false");
}

void
irm_gen_elem(struct gen_out *w, const char *v)
{
	irm_gen_str(w, NULL, v);
}

void
irm_gen_pair(struct gen_out *w, const char *name, const char *value)
{
	irm_gen_open(w, NULL, '{');
	irm_gen_str(w, "Name", name);
	irm_gen_str(w, "Value", value);
	irm_gen_close(w, '}');
}

static void
two(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

void
irm_gen_date(struct gen_out *w, int64_t t)
{
	int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400, y;
	unsigned m, d;

	if (day != w->day) {
		irm_civil_from_days(day, &y, &m, &d);
		two(w->date, (unsigned)(y / 100));
		two(w->date + 2, (unsigned)(y % 100));
		w->date[4] = '-';
		two(w->date + 5, m);
		w->date[7] = '-';
		two(w->date + 8, d);
		w->day = day;
	}
	irm_gen_raw(w, w->date, 10);
}

void
irm_gen_stamp(struct gen_out *w, int64_t t)
{
	unsigned s =
	    (unsigned)(t - (t >= 0 ? t / 86400 : (t - 86399) / 86400) * 86400);
	char b[9];

	irm_gen_date(w, t);
	b[0] = 'T';
	two(b + 1, s / 3600);
	b[3] = ':';
	two(b + 4, s / 60 % 60);
	b[6] = ':';
	two(b + 7, s % 60);
	irm_gen_raw(w, b, 9);
}

void
irm_gen_time(struct gen_out *w, const char *k, int64_t t, int ms)
{
	char b[5];

	if (k)
		key(w, k);
	irm_gen_chr(w, '"');
	irm_gen_stamp(w, t);
	if (ms >= 0) {
		b[0] = '.';
		b[1] = (char)('0' + ms / 100 % 10);
		two(b + 2, (unsigned)ms % 100);
		b[4] = 'Z';
		irm_gen_raw(w, b, 5);
	}
	irm_gen_chr(w, '"');
}

static const char hexd[] = "0123456789abcdef";

static void
hexn(struct gen_out *w, uint64_t v, int n)
{
	while (n-- > 0)
		irm_gen_chr(w, hexd[(v >> (4 * n)) & 15]);
}

void
irm_gen_guid(struct gen_out *w, const char *k, uint64_t a, uint64_t b)
{
	if (k)
		key(w, k);
	irm_gen_chr(w, '"');
	hexn(w, a >> 32, 8);
	irm_gen_chr(w, '-');
	hexn(w, a >> 16 & 0xffff, 4);
	irm_gen_chr(w, '-');
	hexn(w, (a & 0x0fff) | 0x4000, 4);
	irm_gen_chr(w, '-');
	hexn(w, (b >> 48 & 0x3fff) | 0x8000, 4);
	irm_gen_chr(w, '-');
	hexn(w, b & 0xffffffffffffULL, 12);
	irm_gen_chr(w, '"');
}

/* n hex digits (at most 64), from r and the numbers that follow it. */
void
irm_gen_hex(struct gen_out *w, const char *k, uint64_t r, int n)
{
	key(w, k);
	irm_gen_chr(w, '"');
	while (n > 0) {
		hexn(w, r, n < 16 ? n : 16);
		n -= 16;
		r = irm_gen_mix(r);
	}
	irm_gen_chr(w, '"');
}
