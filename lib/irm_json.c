/*
 * irm_json.c - json-c getters with one ownership rule (they borrow) and a
 * streaming reader that turns a file of JSON lines, content-blob arrays or
 * pretty-printed documents into one object at a time, with the line each
 * starts on.  Memory is bounded by the input's line cap: a multi-line
 * value may not grow past it either.  Also irm_json_quote, the string
 * writer of every tool that writes JSON by hand: it lives here rather
 * than in irm_event.c so that a tool can quote without linking the event
 * writer and, through its pseudonyms, libcrypto.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_json.h"

struct json_object *
irm_json_get(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	if (o == NULL || !json_object_is_type(o, json_type_object))
		return NULL;
	if (!json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

struct json_object *
irm_json_get_ci(struct json_object *o, const char *key)
{
	struct json_object *v = irm_json_get(o, key);

	if (v || o == NULL || !json_object_is_type(o, json_type_object))
		return v;
	json_object_object_foreach(o, k, val)
	{
		if (irm_strcaseeq(k, key))
			return val;
	}
	return NULL;
}

const char *
irm_json_text(struct json_object *v)
{
	const char *s;

	switch (json_object_get_type(v)) {
	case json_type_string:
		s = json_object_get_string(v);
		return s && *s ? s : NULL;
	case json_type_int:
	case json_type_double:
	case json_type_boolean:
		return json_object_to_json_string_ext(
		    v, JSON_C_TO_STRING_PLAIN);
	default:
		return NULL;
	}
}

const char *
irm_json_str(struct json_object *o, const char *key)
{
	return irm_json_text(irm_json_get(o, key));
}

void
irm_json_strv_add(struct irm_strv *sv, struct json_object *arr)
{
	size_t i, n;

	if (!json_object_is_type(arr, json_type_array))
		return;
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++)
		irm_strv_add(
		    sv, irm_json_text(json_object_array_get_idx(arr, i)));
}

size_t
irm_json_len(struct json_object *arr)
{
	return json_object_is_type(arr, json_type_array)
	    ? json_object_array_length(arr)
	    : 0;
}

struct json_object *
irm_json_at(struct json_object *arr, size_t i)
{
	return i < irm_json_len(arr) ? json_object_array_get_idx(arr, i) : NULL;
}

int
irm_json_int(struct json_object *o, const char *key, long long *v)
{
	struct json_object *j = irm_json_get(o, key);
	const char *s, *errstr;
	double d;

	/*
	 * One range for every form, as for strings: json-c saturates
	 * integers that overflow, and a double out of range has no integer.
	 */
	switch (json_object_get_type(j)) {
	case json_type_int:
		*v = json_object_get_int64(j);
		return *v < LLONG_MIN / 2 || *v > LLONG_MAX / 2 ? -1 : 0;
	case json_type_double:
		d = json_object_get_double(j);
		/* Out of range (or NaN) has no integer: converting is UB. */
		if (!(d >= (double)(LLONG_MIN / 2) &&
		        d <= (double)(LLONG_MAX / 2)))
			return -1;
		*v = (long long)d;
		return 0;
	case json_type_string:
		s = json_object_get_string(j);
		*v = irm_parse_num(s, LLONG_MIN / 2, LLONG_MAX / 2, &errstr);
		return errstr ? -1 : 0;
	default:
		return -1;
	}
}

struct json_object *
irm_json_parse(
    struct json_tokener *tok, const char *s, size_t len, struct irm_error *e)
{
	struct json_object *o;
	enum json_tokener_error jerr;
	size_t end;
	int padded = 0;

	json_tokener_reset(tok);
	o = json_tokener_parse_ex(tok, s, (int)len);
	jerr = json_tokener_get_error(tok);
	if (jerr == json_tokener_continue) {
		/* Numbers need an end; give the tokener one. */
		o = json_tokener_parse_ex(tok, " ", 1);
		jerr = json_tokener_get_error(tok);
		padded = 1;
		if (jerr == json_tokener_continue) {
			irm_seterr(e, "truncated JSON");
			return NULL;
		}
	}
	if (jerr != json_tokener_success) {
		json_object_put(o);
		irm_seterr(
		    e, "invalid JSON: %s", json_tokener_error_desc(jerr));
		return NULL;
	}
	end = padded ? len : json_tokener_get_parse_end(tok);
	while (end < len && isspace((unsigned char)s[end]))
		end++;
	if (end < len && o != NULL) {
		json_object_put(o);
		irm_seterr(e, "invalid JSON: text after the value");
		return NULL;
	}
	return o;
}

int
irm_json_quote(struct irm_buf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s, *run = p;
	char esc[7];

	if (irm_buf_addc(out, '"') == -1)
		return -1;
	unsigned cp;
	size_t k;

	for (;; p++) {
		/* DEL, C1 controls and bidi overrides as \u escapes too, so
		 * that a terminal showing the JSON is not driven by them. */
		if ((*p == 0x7f || *p == 0xc2 || *p == 0xe2) &&
		    (k = irm_utf8_control_cp((const char *)p,
		         strnlen((const char *)p, 3), &cp)) != 0) {
			if (p > run &&
			    irm_buf_add(out, run, (size_t)(p - run)) == -1)
				return -1;
			snprintf(esc, sizeof(esc), "\\u%04x", cp);
			if (irm_buf_add(out, esc, 6) == -1)
				return -1;
			p += k - 1;
			run = p + 1;
			continue;
		}
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		if (p > run && irm_buf_add(out, run, (size_t)(p - run)) == -1)
			return -1;
		if (*p == '\0')
			break;
		esc[0] = '\\';
		switch (*p) {
		case '"':
			esc[1] = '"';
			break;
		case '\\':
			esc[1] = '\\';
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[*p >> 4];
			esc[5] = hex[*p & 15];
			if (irm_buf_add(out, esc, 6) == -1)
				return -1;
			run = p + 1;
			continue;
		}
		if (irm_buf_add(out, esc, 2) == -1)
			return -1;
		run = p + 1;
	}
	return irm_buf_addc(out, '"');
}
