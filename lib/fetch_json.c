/*
 * fetch_json.c - cutting JSON arrays into lines without re-encoding them,
 * and reading the error a service sends back.
 *
 * Records are written unchanged: json-c would reformat numbers and
 * escapes, so the elements are cut out of the text itself and only the
 * white space between tokens is dropped.
 */
#include <string.h>

#include "irm_fetch.h"

static size_t
skip_ws(const char *s, size_t len, size_t i)
{
	while (i < len &&
	    (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* The end of the string starting at the quote s[i]. */
static size_t
string_end(const char *s, size_t len, size_t i)
{
	for (i++; i < len; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"')
			return i + 1;
	}
	return len;
}

/* The end of the value starting at s[i]. */
static size_t
value_end(const char *s, size_t len, size_t i)
{
	int depth = 0;

	if (i >= len)
		return len;
	if (s[i] != '{' && s[i] != '[') {
		if (s[i] == '"')
			return string_end(s, len, i);
		while (i < len && !strchr(",]} \t\r\n", s[i]))
			i++;
		return i;
	}
	for (; i < len; i++) {
		if (s[i] == '"')
			i = string_end(s, len, i) - 1;
		else if (s[i] == '{' || s[i] == '[')
			depth++;
		else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
			return i + 1;
	}
	return len;
}

/* Append s[a..b) as one line, without white space outside strings. */
static int
add_line(struct irm_buf *out, const char *s, size_t a, size_t b)
{
	size_t i, e;

	for (i = a; i < b; i = e) {
		if (s[i] == '"') {
			e = string_end(s, b, i);
			if (irm_buf_add(out, s + i, e - i) == -1)
				return -1;
			continue;
		}
		e = i + 1;
		if (!strchr(" \t\r\n", s[i]) && irm_buf_addc(out, s[i]) == -1)
			return -1;
	}
	return irm_buf_addc(out, '\n');
}

/* Each element of the array at s[i] as a line; the count or -1. */
static long
elements(const char *s, size_t len, size_t i, struct irm_buf *out,
    struct irm_error *e)
{
	long n = 0;
	size_t end;

	i = skip_ws(s, len, i + 1);
	if (i < len && s[i] == ']')
		return 0;
	while (i < len) {
		end = value_end(s, len, i);
		if (add_line(out, s, i, end) == -1)
			return irm_seterr(e, "records too large");
		n++;
		i = skip_ws(s, len, end);
		if (i < len && s[i] == ']')
			return n;
		if (i >= len || s[i] != ',')
			break;
		i = skip_ws(s, len, i + 1);
	}
	return irm_seterr(e, "not a JSON array");
}

/* The "value" array of the object at s[i] as lines; -2 when absent. */
static long
value_member(const char *s, size_t len, size_t i, struct irm_buf *out,
    struct irm_error *e)
{
	size_t ke, vs;

	i = skip_ws(s, len, i + 1);
	while (i < len && s[i] == '"') {
		ke = string_end(s, len, i);
		vs = skip_ws(s, len, ke);
		if (vs >= len || s[vs] != ':')
			break;
		vs = skip_ws(s, len, vs + 1);
		if (ke - i == 7 && memcmp(s + i, "\"value\"", 7) == 0 &&
		    vs < len && s[vs] == '[')
			return elements(s, len, vs, out, e);
		i = skip_ws(s, len, value_end(s, len, vs));
		if (i < len && s[i] == ',')
			i = skip_ws(s, len, i + 1);
	}
	return -2;
}

long
irm_json_lines(const char *text, size_t len, int whole, struct irm_buf *out,
    struct irm_error *e)
{
	size_t i = skip_ws(text, len, 0);
	long n;

	if (i < len && text[i] == '[')
		return elements(text, len, i, out, e);
	if (i < len && text[i] == '{') {
		if (whole) {
			if (add_line(out, text, i, value_end(text, len, i)) ==
			    -1)
				return irm_seterr(e, "record too large");
			return 1;
		}
		if ((n = value_member(text, len, i, out, e)) != -2)
			return n;
	}
	return irm_seterr(
	    e, "not a JSON array or an object with a \"value\" array");
}

/* Copy s into out (size sz), control characters as spaces, cut at the
 * first line break of a multi-line description. */
static void
clean_copy(char *out, size_t sz, const char *s)
{
	size_t i;

	for (i = 0; s && s[i] && s[i] != '\r' && s[i] != '\n' && i + 1 < sz;
	     i++)
		out[i] =
		    (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' : s[i];
	out[sz ? i : 0] = '\0';
	while (i > 0 && out[i - 1] == ' ')
		out[--i] = '\0';
}

static int
has_af429(const char *s, size_t len)
{
	for (size_t i = 0; i + 5 <= len; i++)
		if (memcmp(s + i, "AF429", 5) == 0)
			return 1;
	return 0;
}

int
irm_json_service_error(const char *body, size_t len, char *code, size_t codesz,
    char *msg, size_t msgsz)
{
	struct json_tokener *tok;
	struct json_object *j, *err;
	const char *c = NULL, *m = NULL;
	int rc = -1;

	if (body == NULL || len == 0)
		return -1;
	if ((tok = json_tokener_new()) == NULL)
		return -1;
	j = json_tokener_parse_ex(tok, body, (int)len);
	json_tokener_free(tok);
	if (json_object_object_get_ex(j, "error", &err)) {
		if (json_object_is_type(err, json_type_object)) {
			struct json_object *v;

			if (json_object_object_get_ex(err, "code", &v))
				c = json_object_get_string(v);
			if (json_object_object_get_ex(err, "message", &v))
				m = json_object_get_string(v);
		} else if (json_object_is_type(err, json_type_string)) {
			struct json_object *v;

			c = json_object_get_string(err);
			if (json_object_object_get_ex(
			        j, "error_description", &v))
				m = json_object_get_string(v);
		}
	} else if (has_af429(body, len)) {
		/* Throttling has been seen with a body that is not JSON. */
		c = "AF429";
		m = "Too many requests";
	}
	if (c) {
		clean_copy(code, codesz, c);
		clean_copy(msg, msgsz, m ? m : "");
		rc = 0;
	}
	json_object_put(j);
	return rc;
}
