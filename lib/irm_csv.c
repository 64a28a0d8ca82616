/*
 * irm_csv.c - the CSV reader declared in irm_csv.h.  libcsv does the
 * quoting; this file feeds it a line at a time, so it knows where each
 * row starts, and recovers from an unterminated quote by replaying the
 * lines the broken row swallowed.
 */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "irm.h"
#include "irm_csv.h"

struct irm_csvread {
	struct irm_input *in;
	struct csv_parser p;
	int first; /* next line is the file's first */
	int row_done;
	struct irm_buf fields; /* field texts, each NUL-terminated */
	size_t *off;           /* offsets of the fields in .fields */
	size_t nf, capf;
	char **ptrs;
	size_t capp;
	struct irm_buf raw; /* the open row's lines */
	unsigned long row_line;
	int field_err; /* a field passed the cap */
	/* Lines to read again after an unterminated quote. */
	char *replay;
	size_t replay_len, replay_pos;
	unsigned long replay_line;
	unsigned long cur_line;
};

static void
on_field(void *s, size_t len, void *data)
{
	struct irm_csvread *r = data;

	if (r->nf == r->capf) {
		r->capf = r->capf ? r->capf * 2 : 32;
		r->off = irm_xrealloc(r->off, r->capf * sizeof(*r->off));
	}
	r->off[r->nf++] = r->fields.len;
	if (irm_buf_add(&r->fields, s ? s : "", s ? len : 0) == -1 ||
	    irm_buf_addc(&r->fields, '\0') == -1)
		r->field_err = 1;
}

static void
on_row(int c, void *data)
{
	struct irm_csvread *r = data;

	(void)c;
	r->row_done = 1;
}

/* csv_init allocates nothing: it fails only for a NULL parser. */
static void
parser_init(struct irm_csvread *r)
{
	(void)csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
}

struct irm_csvread *
irm_csvread_new(struct irm_input *in)
{
	struct irm_csvread *r = irm_xcalloc(1, sizeof(*r));
	size_t cap = irm_input_maxline(in);

	r->in = in;
	parser_init(r);
	irm_buf_init(&r->fields, cap + 4096);
	irm_buf_init(&r->raw, cap);
	r->first = 1;
	return r;
}

static void
clear_row(struct irm_csvread *r)
{
	r->nf = 0;
	r->row_done = 0;
	r->field_err = 0;
	irm_buf_reset(&r->fields);
	irm_buf_reset(&r->raw);
}

void
irm_csvread_reset(struct irm_csvread *r)
{
	csv_free(&r->p);
	parser_init(r);
	clear_row(r);
	free(r->replay);
	r->replay = NULL;
	r->replay_len = r->replay_pos = 0;
	r->first = 1;
}

void
irm_csvread_free(struct irm_csvread *r)
{
	if (r == NULL)
		return;
	csv_free(&r->p);
	irm_buf_free(&r->fields);
	irm_buf_free(&r->raw);
	free(r->off);
	free(r->ptrs);
	free(r->replay);
	free(r);
}

/* The next line: from the replay buffer first, then from the input. */
static int
next_line(struct irm_csvread *r, char **line, size_t *len, struct irm_error *e)
{
	char *p, *nl;
	int rc;

	if (r->replay && r->replay_pos < r->replay_len) {
		p = r->replay + r->replay_pos;
		nl = memchr(p, '\n', r->replay_len - r->replay_pos);
		*len = nl ? (size_t)(nl - p) : r->replay_len - r->replay_pos;
		p[*len] = '\0';
		r->replay_pos += *len + 1;
		*line = p;
		r->cur_line = ++r->replay_line;
		return IRM_LINE_OK;
	}
	rc = irm_input_getline(r->in, line, len, e);
	r->cur_line = irm_input_lineno(r->in);
	/* CRLF files read as LF ones: same raw rows, same hashed ids. */
	if (rc == IRM_LINE_OK && *len && (*line)[*len - 1] == '\r')
		(*line)[--*len] = '\0';
	return rc;
}

static void
fill_row(struct irm_csvread *r, struct irm_row *row)
{
	size_t i;

	if (r->capp < r->nf + 1) {
		r->capp = r->nf + 1;
		r->ptrs = irm_xrealloc(r->ptrs, r->capp * sizeof(*r->ptrs));
	}
	for (i = 0; i < r->nf; i++)
		r->ptrs[i] = r->fields.data + r->off[i];
	r->ptrs[r->nf] = NULL;
	row->n = r->nf;
	row->f = r->ptrs;
	row->raw = r->raw.data ? r->raw.data : "";
	row->rawlen = r->raw.len;
	row->line = r->row_line;
}

/*
 * Give up on the open row: report it whole, and read again the lines
 * after its first (and extra, the line that did not fit), since the
 * broken quote may have swallowed good rows.
 */
static int
broken_row(struct irm_csvread *r, struct irm_row *row, const char *why,
    const char *extra, size_t extralen, struct irm_error *e)
{
	const char *raw = r->raw.data ? r->raw.data : "";
	const char *nl = memchr(raw, '\n', r->raw.len);
	struct irm_buf rest;

	irm_buf_init(&rest, (size_t)-1 / 2);
	if (nl)
		irm_buf_add(&rest, nl + 1, r->raw.len - (size_t)(nl + 1 - raw));
	if (extra) {
		if (rest.len || nl)
			irm_buf_addc(&rest, '\n');
		irm_buf_add(&rest, extra, extralen);
	}
	if (r->replay && r->replay_pos < r->replay_len) {
		irm_buf_addc(&rest, '\n');
		irm_buf_add(&rest, r->replay + r->replay_pos,
		    r->replay_len - r->replay_pos);
	}
	free(r->replay);
	r->replay_len = rest.len;
	r->replay_pos = 0;
	r->replay = (nl || extra) ? irm_buf_take(&rest) : NULL;
	irm_buf_free(&rest);
	r->replay_line = r->row_line;
	csv_free(&r->p);
	parser_init(r);
	r->nf = 0;
	r->row_done = 0;
	row->n = 0;
	row->f = NULL;
	/* Only the first line is the bad row's own: the rest is read again,
	 * and must not be replayed twice from the reject file. */
	row->raw = raw;
	row->rawlen = nl ? (size_t)(nl - raw) : r->raw.len;
	row->line = r->row_line;
	return irm_seterr(e, "%s", why);
}

/* Reject one line on its own, dropping any open row state. */
static int
bad_line(struct irm_csvread *r, struct irm_row *row, const char *line,
    size_t len, const char *why, struct irm_error *e)
{
	csv_free(&r->p);
	parser_init(r);
	r->nf = 0;
	row->n = 0;
	row->f = NULL;
	row->raw = line;
	row->rawlen = len;
	row->line = r->cur_line;
	return irm_seterr(e, "%s", why);
}

/*
 * A quote that RFC 4180 does not allow.  Strict parsing finds it where a
 * quoted field that was never closed meets the next row's quotes; the row
 * is then broken from its first line, and the lines after it are read
 * again.  A bad quote within one line costs only that line.
 */
static int
bad_quote(struct irm_csvread *r, struct irm_row *row, const char *line,
    size_t len, struct irm_error *e)
{
	if (memchr(r->raw.data, '\n', r->raw.len))
		return broken_row(
		    r, row, "unterminated quoted field", NULL, 0, e);
	return bad_line(r, row, line, len, "malformed quoting", e);
}

static int
row_open(const struct irm_csvread *r)
{
	return r->nf > 0 || r->p.pstate != 0;
}

/*
 * Is a quoted field still open?  2 is libcsv's FIELD_BEGUN; the state is
 * in the public struct.  CSV_STRICT_FINI alone would do, but it also needs
 * CSV_STRICT; reading the state keeps the check independent of options.
 */
static int
quote_open(const struct irm_csvread *r)
{
	return r->p.pstate == 2 && r->p.quoted;
}

static int
at_eof(struct irm_csvread *r, struct irm_row *row, struct irm_error *e)
{
	r->row_done = 0;
	if (quote_open(r) || csv_fini(&r->p, on_field, on_row, r) != 0)
		return broken_row(
		    r, row, "unterminated quoted field", NULL, 0, e);
	if (!r->row_done)
		return IRM_CSV_EOF;
	fill_row(r, row);
	return IRM_CSV_ROW;
}

int
irm_csvread_next(
    struct irm_csvread *r, struct irm_row *row, struct irm_error *e)
{
	size_t len, bad;
	char *line;
	int rc;

	clear_row(r);
	for (;;) {
		rc = next_line(r, &line, &len, e);
		if (rc == IRM_LINE_ERROR)
			return IRM_CSV_FATAL;
		if (rc == IRM_LINE_EOF)
			return at_eof(r, row, e);
		if (rc == IRM_LINE_TOOLONG)
			return bad_line(r, row, NULL, 0, "line too long", e);
		if (r->first && len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3))
			line += 3, len -= 3;
		r->first = 0;
		if (memchr(line, '\0', len))
			return bad_line(
			    r, row, line, len, "NUL byte in line", e);
		if ((bad = irm_utf8_check(line, len)) != 0) {
			bad_line(r, row, line, len, "", e);
			return irm_seterr(e, "invalid UTF-8 at byte %zu", bad);
		}
		if (!row_open(r)) {
			irm_buf_reset(&r->raw);
			r->row_line = r->cur_line;
		} else if (r->raw.len + len + 1 > r->raw.max) {
			return broken_row(
			    r, row, "unterminated quoted field", line, len, e);
		} else {
			irm_buf_addc(&r->raw, '\n');
		}
		irm_buf_add(&r->raw, line, len);
		if (csv_parse(&r->p, line, len, on_field, on_row, r) != len ||
		    csv_parse(&r->p, "\n", 1, on_field, on_row, r) != 1)
			return bad_quote(r, row, line, len, e);
		if (!r->row_done)
			continue;
		fill_row(r, row);
		if (r->field_err)
			return irm_seterr(e, "row too large");
		return IRM_CSV_ROW;
	}
}
