/*
 * irm_buf.c - a growable, NUL-terminated byte buffer with a size cap (the
 * idea of curl's dynbuf): no input can make it grow without bound.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"

void
irm_buf_init(struct irm_buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

static int
grow(struct irm_buf *b, size_t need)
{
	size_t cap;
	char *p;

	if (need > b->max) {
		/* Sticky: no later add may make a whole of the parts. */
		irm_buf_free(b);
		b->max = 0;
		return -1;
	}
	cap = b->cap ? b->cap : 256;
	while (cap < need + 1)
		cap *= 2;
	if (cap > b->max + 1)
		cap = b->max + 1;
	/* Out of memory is fatal (exit 3), as for every irm allocation:
	 * only the cap is the caller's to handle. */
	p = irm_xrealloc(b->data, cap);
	b->data = p;
	b->cap = cap;
	return 0;
}

int
irm_buf_add(struct irm_buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap && grow(b, b->len + n) == -1)
		return -1;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
irm_buf_addc(struct irm_buf *b, char c)
{
	if (b->len + 2 <= b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return 0;
	}
	return irm_buf_add(b, &c, 1);
}

int
irm_buf_adds(struct irm_buf *b, const char *s)
{
	return irm_buf_add(b, s, strlen(s));
}

int
irm_buf_vprintf(struct irm_buf *b, const char *fmt, va_list ap)
{
	char small[256];
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof(small), fmt, aq);
	va_end(aq);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof(small))
		return irm_buf_add(b, small, (size_t)n);
	if (b->len + (size_t)n + 1 > b->cap &&
	    grow(b, b->len + (size_t)n) == -1)
		return -1;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
irm_buf_printf(struct irm_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = irm_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

void
irm_buf_reset(struct irm_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *
irm_buf_take(struct irm_buf *b)
{
	char *p = b->data;

	if (p == NULL)
		p = irm_xcalloc(1, 1);
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void
irm_buf_free(struct irm_buf *b)
{
	if (b == NULL)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
