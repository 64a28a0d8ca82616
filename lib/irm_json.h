/*
 * irm_json.h - json-c helpers and a streaming reader of JSON records.
 *
 * Getters borrow: the returned pointers live as long as the object they
 * come from.  Only tools that read JSON include this header.
 */
#ifndef IRM_JSON_H
#define IRM_JSON_H

#include <json-c/json.h>

#include "irm.h"

/* Member key of o (borrowed), or NULL when o is not an object or lacks it. */
struct json_object *irm_json_get(struct json_object *o, const char *key);

/* Like irm_json_get, but the key is matched ASCII case-insensitively. */
struct json_object *irm_json_get_ci(struct json_object *o, const char *key);

/*
 * The text of member key (borrowed): strings as they are, numbers and
 * booleans as JSON text; NULL for absent, null, empty strings, objects and
 * arrays.
 */
const char *irm_json_str(struct json_object *o, const char *key);

/* The text of a value, by the same rules as irm_json_str. */
const char *irm_json_text(struct json_object *v);

struct irm_strv;

/*
 * Append the text (irm_json_text rules; borrowed) of every element of the
 * array arr to sv.  Anything but an array adds nothing.
 */
void irm_json_strv_add(struct irm_strv *sv, struct json_object *arr);

/*
 * The length of arr, 0 when it is not an array; the element i of arr,
 * NULL when arr is not an array or has no element i (borrowed).  For
 * files that may have been edited: json-c asserts on a non-array.
 */
size_t irm_json_len(struct json_object *arr);
struct json_object *irm_json_at(struct json_object *arr, size_t i);

/*
 * Member key as an integer (numbers or strings of digits, as some
 * pipelines stringify numbers) within +-2^62.  Returns 0 and sets *v, or
 * -1 (missing, not a number, or out of that range).
 */
int irm_json_int(struct json_object *o, const char *key, long long *v);

/*
 * Parse the JSON text s[0..len) as one value.  Returns the value (owned:
 * json_object_put) or NULL with e filled.
 */
struct json_object *irm_json_parse(
    struct json_tokener *tok, const char *s, size_t len, struct irm_error *e);

/*
 * A reader of JSON records from the open file of an irm_input: JSON lines,
 * arrays (content blobs, one line or many), multi-line documents and
 * {"value":[...]} pages.  Each object in the stream is one record.
 */
struct irm_jread;

/* A record's raw text (borrowed until the next call) and first line. */
struct irm_jrec {
	const char *raw;
	size_t rawlen;
	unsigned long line;
};

/*
 * Owned: free with irm_jread_free.  json-c running out of memory shows
 * as IRM_JREAD_FATAL from the first irm_jread_next.
 */
struct irm_jread *irm_jread_new(struct irm_input *in);
void irm_jread_free(struct irm_jread *r);

/* Start on the file just opened in the input. */
void irm_jread_reset(struct irm_jread *r);

enum {
	IRM_JREAD_RECORD = 1,
	IRM_JREAD_EOF = 0,
	IRM_JREAD_BAD = -1,
	IRM_JREAD_FATAL = -2
};

/*
 * Read the next record.  IRM_JREAD_RECORD sets *obj (borrowed until the
 * next call) and rec; IRM_JREAD_BAD sets rec and e for a record that is
 * rejected (reading can go on); IRM_JREAD_FATAL means a read error (e).
 * A line over the input's cap is rejected with rec->raw NULL.
 */
int irm_jread_next(struct irm_jread *r, struct json_object **obj,
    struct irm_jrec *rec, struct irm_error *e);

#endif /* IRM_JSON_H */
