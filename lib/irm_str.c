/*
 * irm_str.c - small string helpers: UTF-8 validation, ASCII-only case
 * handling (DESIGN: identities are lower-cased in ASCII only) and the
 * string lists of irm_event.h (irm_strv_add), the FNV-1a hash and
 * sorting with the repeats dropped (irm_sort_distinct).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"

size_t
irm_utf8_check(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n, k;
	unsigned c;

	while (i < len) {
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3;
		else
			return i + 1;
		if (i + n >= len)
			return i + 1;
		for (k = 1; k <= n; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return i + 1;
		/* Overlong forms, surrogates and values past U+10FFFF. */
		if ((c == 0xe0 && s[i + 1] < 0xa0) ||
		    (c == 0xed && s[i + 1] > 0x9f) ||
		    (c == 0xf0 && s[i + 1] < 0x90) ||
		    (c == 0xf4 && s[i + 1] > 0x8f))
			return i + 1;
		i += n + 1;
	}
	return 0;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int
irm_strcaseeq(const char *a, const char *b)
{
	while (*a && lower((unsigned char)*a) == lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

int
irm_strp_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t
irm_sort_distinct(
    void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char *v = base;
	size_t i, k = 0;

	if (n == 0)
		return 0;
	qsort(v, n, size, cmp);
	for (i = 0; i < n; i++)
		if (k == 0 || cmp(v + (k - 1) * size, v + i * size) != 0) {
			if (k != i)
				memcpy(v + k * size, v + i * size, size);
			k++;
		}
	return k;
}

uint64_t
irm_fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

int
irm_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

unsigned
irm_partition(const char *key, unsigned n)
{
	/* The standard offset basis, unlike irm_fnv1a's (which drops its
	 * last digit and must stay as it is): Go's hash/fnv New64a and
	 * every other FNV-1a 64 give the same partitions. */
	uint64_t h = 14695981039346656037ULL;

	while (*key != '\0')
		h = (h ^ (unsigned char)*key++) * 1099511628211ULL;
	return n ? (unsigned)(h % n) : 0;
}

void
irm_str_quote(const char *s, size_t len, char *out)
{
	unsigned char c;
	size_t i;

	for (i = 0; i < len && i < IRM_QUOTE_MAX; i++) {
		c = (unsigned char)s[i];
		out[i] = c < 0x20 || c >= 0x7f ? '?' : (char)c;
	}
	out[i] = '\0';
	if (len > IRM_QUOTE_MAX)
		memcpy(out + i, "...", 4);
}

void
irm_strv_add(struct irm_strv *sv, const char *s)
{
	if (s == NULL)
		return;
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 8;
		sv->v = irm_xrealloc(sv->v, sv->cap * sizeof(*sv->v));
	}
	sv->v[sv->n++] = s;
}

size_t
irm_utf8_control_cp(const char *s, size_t len, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (len == 0)
		return 0;
	if (u[0] < 0x20 || u[0] == 0x7f) {
		*cp = u[0];
		return 1;
	}
	if (len >= 2 && u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f) {
		*cp = u[1];
		return 2;
	}
	if (len >= 3 && u[0] == 0xe2 &&
	    ((u[1] == 0x80 && u[2] >= 0xaa && u[2] <= 0xae) ||
	        (u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9))) {
		*cp = 0x2000u | ((unsigned)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
		return 3;
	}
	return 0;
}

size_t
irm_utf8_control(const char *s, size_t len)
{
	unsigned cp;

	return irm_utf8_control_cp(s, len, &cp);
}

/* ASCII lower case of c, for the edit distance. */
static int
fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Optimal string alignment distance of a and b, or limit + 1 when it is
 * over limit (names longer than 63 bytes are never suggested). */
static int
edit_distance(const char *a, const char *b, int limit)
{
	int d[64][64], i, j, la = (int)strlen(a), lb = (int)strlen(b), c;

	if (la > 63 || lb > 63 || abs(la - lb) > limit)
		return limit + 1;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			c = fold(a[i - 1]) != fold(b[j - 1]);
			d[i][j] = d[i - 1][j - 1] + c;
			if (d[i - 1][j] + 1 < d[i][j])
				d[i][j] = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < d[i][j])
				d[i][j] = d[i][j - 1] + 1;
			if (i > 1 && j > 1 &&
			    fold(a[i - 1]) == fold(b[j - 2]) &&
			    fold(a[i - 2]) == fold(b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	return d[la][lb];
}

void
irm_suggest_init(struct irm_suggest *g, const char *word)
{
	size_t n = word ? strlen(word) : 0;

	g->word = word;
	g->best = NULL;
	g->dist = n <= 4 ? 1 : n <= 8 ? 2 : 3;
}

void
irm_suggest_add(struct irm_suggest *g, const char *name)
{
	int d;

	if (g->word == NULL || name == NULL || irm_strcaseeq(g->word, name))
		return;
	d = edit_distance(g->word, name, g->dist);
	if (d <= g->dist && (g->best == NULL || d < g->dist)) {
		g->best = name;
		g->dist = d;
	}
}
