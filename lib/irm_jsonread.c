/*
 * irm_jsonread.c - the streaming JSON record reader declared in
 * irm_json.h.
 *
 * A file is read as JSON lines when its first value ends on its first
 * line; each line is then parsed on its own, so a truncated line costs
 * only that line.  Otherwise it is a document: a scanner follows strings
 * and nesting across lines and cuts out each top-level object, or each
 * element of a top-level array, without holding the whole array.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"

enum { MODE_FIRST, MODE_LINES, MODE_DOC };

struct irm_jread {
	struct irm_input *in;
	struct json_tokener *tok;
	int mode;
	int lines;  /* hand out JSON lines unparsed (irm_jread_lines) */
	char *pend; /* the line handed out unparsed */
	size_t pendlen;
	struct json_object *cur; /* the value last parsed (owned) */
	struct json_object *arr; /* an array being handed out, in cur */
	size_t arr_i;
	unsigned long arr_line;
	/* Document mode. */
	char *line; /* the current line and position */
	size_t len, pos;
	int in_array; /* inside a top-level array */
	int depth, in_str, esc, in_val;
	unsigned long val_line;
	struct irm_buf val;
};

struct irm_jread *
irm_jread_new(struct irm_input *in)
{
	struct irm_jread *r = irm_xcalloc(1, sizeof(*r));

	r->in = in;
	irm_buf_init(&r->val, irm_input_maxline(in));
	return r;
}

void
irm_jread_reset(struct irm_jread *r)
{
	json_object_put(r->cur);
	r->cur = r->arr = NULL;
	r->pend = NULL;
	r->mode = MODE_FIRST;
	r->line = NULL;
	r->len = r->pos = 0;
	r->in_array = r->depth = r->in_str = r->esc = r->in_val = 0;
	irm_buf_reset(&r->val);
}

void
irm_jread_free(struct irm_jread *r)
{
	if (r == NULL)
		return;
	json_object_put(r->cur);
	if (r->tok)
		json_tokener_free(r->tok);
	irm_buf_free(&r->val);
	free(r);
}

static int
blank(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	return n == 0;
}

/* A Graph page: {"value":[...]} with no record fields of its own. */
static int
is_page(struct json_object *o)
{
	struct json_object *v = irm_json_get(o, "value");

	if (v == NULL || !json_object_is_type(v, json_type_array))
		return 0;
	return irm_json_get(o, "id") == NULL && irm_json_get(o, "Id") == NULL;
}

/* Hand out the next element of r->arr, if any. */
static int
next_elem(struct irm_jread *r, struct json_object **obj, struct irm_jrec *rec,
    struct irm_error *e)
{
	struct json_object *el;

	if (r->arr_i >= json_object_array_length(r->arr)) {
		r->arr = NULL;
		return IRM_JREAD_EOF;
	}
	el = json_object_array_get_idx(r->arr, r->arr_i++);
	rec->raw = json_object_to_json_string_ext(
	    el, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	rec->rawlen = strlen(rec->raw);
	rec->line = r->arr_line;
	if (!json_object_is_type(el, json_type_object))
		return irm_seterr(e, "array element is not a JSON object");
	*obj = el;
	return IRM_JREAD_RECORD;
}

/* Take ownership of a parsed value and hand out its record(s). */
static int
take(struct irm_jread *r, struct json_object *o, struct json_object **obj,
    struct irm_jrec *rec, struct irm_error *e)
{
	json_object_put(r->cur);
	r->cur = o;
	if (json_object_is_type(o, json_type_object) && !is_page(o)) {
		*obj = o;
		return IRM_JREAD_RECORD;
	}
	if (json_object_is_type(o, json_type_object))
		r->arr = irm_json_get(o, "value");
	else if (json_object_is_type(o, json_type_array))
		r->arr = o;
	else
		return irm_seterr(e, "JSON value is not an object");
	r->arr_i = 0;
	r->arr_line = rec->line;
	return IRM_JREAD_EOF;
}

static int
reject_line(struct irm_jread *r, const char *line, size_t len,
    struct irm_jrec *rec, const char *why, struct irm_error *e)
{
	rec->raw = line;
	rec->rawlen = len;
	rec->line = irm_input_lineno(r->in);
	return irm_seterr(e, "%s", why);
}

/* -------------------------------------------------------- document mode */

/*
 * Scan the current line from r->pos.  Returns 1 when a value is complete
 * in r->val, 0 when the line is used up.
 */
static int
scan(struct irm_jread *r)
{
	char c;

	while (r->pos < r->len) {
		c = r->line[r->pos++];
		if (!r->in_val) {
			if (isspace((unsigned char)c) ||
			    (r->in_array && c == ','))
				continue;
			if (c == '[' && !r->in_array) {
				r->in_array = 1;
				continue;
			}
			if (c == ']' && r->in_array) {
				r->in_array = 0;
				continue;
			}
			r->in_val = 1;
			r->depth = 0;
			r->val_line = irm_input_lineno(r->in);
			irm_buf_reset(&r->val);
		}
		if (irm_buf_addc(&r->val, c) == -1)
			return 1;
		if (r->in_str) {
			if (r->esc)
				r->esc = 0;
			else if (c == '\\')
				r->esc = 1;
			else if (c == '"')
				r->in_str = 0;
			continue;
		}
		if (c == '"')
			r->in_str = 1;
		else if (c == '{' || c == '[')
			r->depth++;
		else if (c == '}' || c == ']')
			r->depth--;
		if (r->depth <= 0 &&
		    (c == '}' || c == ']' || r->pos == r->len ||
		        strchr(",] \t\r", r->line[r->pos])))
			return 1;
	}
	if (r->in_val && irm_buf_addc(&r->val, '\n') == -1)
		return 1;
	return 0;
}

static int
doc_next(struct irm_jread *r, struct json_object **obj, struct irm_jrec *rec,
    struct irm_error *e)
{
	struct json_object *o;
	size_t len;
	int rc;

	for (;;) {
		if (r->line && scan(r)) {
			r->in_val = 0;
			rec->raw = r->val.data ? r->val.data : "";
			rec->rawlen = r->val.len;
			rec->line = r->val_line;
			if (r->val.data == NULL)
				return irm_seterr(e,
				    "value longer than %zu bytes",
				    irm_input_maxline(r->in));
			o = irm_json_parse(r->tok, r->val.data, r->val.len, e);
			if (o == NULL)
				return IRM_JREAD_BAD;
			rc = take(r, o, obj, rec, e);
			if (rc != IRM_JREAD_EOF || r->arr == NULL)
				return rc;
			if ((rc = next_elem(r, obj, rec, e)) != IRM_JREAD_EOF)
				return rc;
			continue;
		}
		rc = irm_input_getline(r->in, &r->line, &len, e);
		if (rc == IRM_LINE_ERROR)
			return IRM_JREAD_FATAL;
		if (rc == IRM_LINE_EOF)
			break;
		r->len = len;
		r->pos = 0;
		if (rc == IRM_LINE_TOOLONG || memchr(r->line, '\0', len)) {
			r->in_val = 0;
			r->line = NULL;
			return reject_line(r, NULL, 0, rec,
			    rc == IRM_LINE_TOOLONG ? "line too long"
			                           : "NUL byte in line",
			    e);
		}
	}
	r->line = NULL;
	if (!r->in_val)
		return IRM_JREAD_EOF;
	r->in_val = 0;
	rec->raw = r->val.data ? r->val.data : "";
	rec->rawlen = r->val.len;
	rec->line = r->val_line;
	return irm_seterr(e, "truncated JSON");
}

/* ----------------------------------------------------------- line mode */

void
irm_jread_lines(struct irm_jread *r, int on)
{
	r->lines = on;
}

/* parse_line's "the line held no record (an empty array or page)". */
#define MORE 3

/*
 * Parse a line that is not blank and hand out its record(s): an
 * IRM_JREAD_* value, or MORE when reading goes on.
 */
static int
parse_line(struct irm_jread *r, char *line, size_t len,
    struct json_object **obj, struct irm_jrec *rec, struct irm_error *e)
{
	struct json_object *o;
	struct irm_error pe;
	int rc;

	o = irm_json_parse(r->tok, line, len, &pe);
	if (o == NULL && r->mode == MODE_FIRST &&
	    !strcmp(pe.msg, "truncated JSON")) {
		/* The first value spans lines: a document. */
		r->mode = MODE_DOC;
		r->line = line;
		r->len = len;
		r->pos = 0;
		return doc_next(r, obj, rec, e);
	}
	r->mode = MODE_LINES;
	if (o == NULL)
		return irm_seterr(e, "%s", pe.msg);
	rc = take(r, o, obj, rec, e);
	if (rc != IRM_JREAD_EOF || r->arr == NULL)
		return rc;
	rc = next_elem(r, obj, rec, e);
	return rc == IRM_JREAD_EOF ? MORE : rc;
}

int
irm_jread_next(struct irm_jread *r, struct json_object **obj,
    struct irm_jrec *rec, struct irm_error *e)
{
	char *line;
	size_t len;
	int rc;

	/* Made here, not in irm_jread_new, so that running out of memory
	 * is a read error the caller reports. */
	if (r->tok == NULL) {
		r->tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH);
		if (r->tok == NULL) {
			irm_seterr(e, "out of memory");
			return IRM_JREAD_FATAL;
		}
		json_tokener_set_flags(r->tok, JSON_TOKENER_VALIDATE_UTF8);
	}
	r->pend = NULL;
	if (r->arr && (rc = next_elem(r, obj, rec, e)) != IRM_JREAD_EOF)
		return rc;
	if (r->mode == MODE_DOC)
		return doc_next(r, obj, rec, e);
	for (;;) {
		rc = irm_input_getline(r->in, &line, &len, e);
		if (rc == IRM_LINE_ERROR)
			return IRM_JREAD_FATAL;
		if (rc == IRM_LINE_EOF)
			return IRM_JREAD_EOF;
		if (rc == IRM_LINE_TOOLONG) {
			rc = reject_line(r, NULL, 0, rec, "", e);
			irm_seterr(e, "line longer than %zu bytes",
			    irm_input_maxline(r->in));
			return rc;
		}
		if (memchr(line, '\0', len))
			return reject_line(
			    r, line, len, rec, "NUL byte in line", e);
		if (blank(line, len))
			continue;
		/* CRLF lines hash like LF ones (ids of records without one). */
		if (line[len - 1] == '\r')
			line[--len] = '\0';
		rec->raw = line;
		rec->rawlen = len;
		rec->line = irm_input_lineno(r->in);
		if (r->lines && r->mode == MODE_LINES) {
			r->pend = line;
			r->pendlen = len;
			return IRM_JREAD_LINE;
		}
		if ((rc = parse_line(r, line, len, obj, rec, e)) != MORE)
			return rc;
	}
}

int
irm_jread_parse(struct irm_jread *r, struct json_object **obj,
    struct irm_jrec *rec, struct irm_error *e)
{
	char *line = r->pend;
	int rc;

	if (line == NULL)
		return irm_jread_next(r, obj, rec, e);
	r->pend = NULL;
	rc = parse_line(r, line, r->pendlen, obj, rec, e);
	return rc == MORE ? irm_jread_next(r, obj, rec, e) : rc;
}
