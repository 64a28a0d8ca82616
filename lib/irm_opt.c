/*
 * irm_opt.c - one table per tool for its options: the getopt_long tables
 * and the lines of --help both come from it, so that an option cannot be
 * parsed without being explained (curl's one place for option docs).
 */
#include <getopt.h>
#include <string.h>

#include "irm.h"

int
irm_opt_getopt(const struct irm_opt *opts, const char *prefix, char *shorts,
    size_t size, struct option *longs, size_t n)
{
	size_t i, j = 0, k = strlen(prefix);

	if (k >= size)
		return -1;
	memcpy(shorts, prefix, k);
	for (i = 0; opts[i].val; i++) {
		if (opts[i].val < 256) {
			if (k + 3 > size)
				return -1;
			shorts[k++] = (char)opts[i].val;
			if (opts[i].arg)
				shorts[k++] = ':';
		}
		if (opts[i].name == NULL)
			continue;
		if (j + 1 >= n)
			return -1;
		longs[j].name = opts[i].name;
		longs[j].has_arg =
		    opts[i].arg ? required_argument : no_argument;
		longs[j].flag = NULL;
		longs[j].val = opts[i].val;
		j++;
	}
	if (j >= n)
		return -1;
	memset(&longs[j], 0, sizeof(longs[j]));
	shorts[k] = '\0';
	return 0;
}

/* The left column of an option: "-f, --format format". */
static void
opt_left(const struct irm_opt *o, struct irm_buf *b)
{
	if (o->val < 256)
		irm_buf_printf(b, "-%c%s", o->val, o->name ? ", " : "");
	else
		irm_buf_adds(b, "    ");
	if (o->name)
		irm_buf_printf(b, "--%s", o->name);
	if (o->arg)
		irm_buf_printf(b, " %s", o->arg);
}

int
irm_opt_help(const struct irm_opt *opts, struct irm_buf *out)
{
	struct irm_buf left;
	size_t i, w = 0;

	irm_buf_init(&left, 1024);
	for (i = 0; opts[i].val; i++) {
		irm_buf_reset(&left);
		opt_left(&opts[i], &left);
		if (left.len > w)
			w = left.len;
	}
	if (w > IRM_OPT_COLUMN)
		w = IRM_OPT_COLUMN;
	for (i = 0; opts[i].val; i++) {
		irm_buf_reset(&left);
		opt_left(&opts[i], &left);
		if (irm_buf_printf(out, "  %-*s  %s\n", (int)w,
		        left.data ? left.data : "", opts[i].help) == -1) {
			irm_buf_free(&left);
			return -1;
		}
	}
	irm_buf_free(&left);
	return 0;
}
