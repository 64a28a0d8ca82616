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
	IRM_JREAD_LINE = 2,
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

/*
 * With on set, a file read as JSON lines hands each line (not blank, CR
 * and NUL checks done; the first line of a file excepted, which decides
 * the mode) out unparsed: irm_jread_next returns IRM_JREAD_LINE with rec
 * set and rec->raw the line.  The caller reads it its own way or calls
 * irm_jread_parse, which returns what irm_jread_next would have returned
 * for that line (reading on past a line that holds no record).
 */
void irm_jread_lines(struct irm_jread *r, int on);
int irm_jread_parse(struct irm_jread *r, struct json_object **obj,
    struct irm_jrec *rec, struct irm_error *e);

/* irm_stage.c */

/* The stages of the pipeline, as a rejected record shows them. */
enum irm_stage {
	IRM_STAGE_UNKNOWN,
	IRM_STAGE_RAW,     /* audit records: irm-fetch's output */
	IRM_STAGE_CSV,     /* a CSV line (an export, or irm-report -f csv) */
	IRM_STAGE_EVENT,   /* irm-norm's output */
	IRM_STAGE_INSIGHT, /* irm-score's output */
	IRM_STAGE_ALERT    /* irm-report's output */
};

/*
 * The stage of a record: o when it parsed as JSON (else NULL), and its
 * raw text raw[0..len), by the keys each stage's records carry.
 */
enum irm_stage irm_stage_guess(
    struct json_object *o, const char *raw, size_t len);

/*
 * One line saying what got records are and which tool comes first, for a
 * tool that reads want records (IRM_STAGE_EVENT or IRM_STAGE_INSIGHT);
 * NULL when there is nothing to say.  A static string.
 */
const char *irm_stage_hint(enum irm_stage got, enum irm_stage want);

/* "raw audit records", "events", ...: a static string. */
const char *irm_stage_name(enum irm_stage s);

/*
 * The messages about records of a wrong stage, per file: the first with
 * the hint, IRM_STAGE_SHOWN in all, then none, and a count at the end.
 * Zero-initialise; file is borrowed until irm_stage_unshown().
 */
#define IRM_STAGE_SHOWN 3
struct irm_stage_gate {
	const char *file;
	enum irm_stage stage;
	unsigned long n;
};

/*
 * Count a rejected record of file, of stage got, in a tool that reads
 * want.  Returns 1 when the record should be reported as usual, 0 when
 * enough were (it is still rejected).  *hint is set to the line of
 * irm_stage_hint to report after the first record of a wrong stage in
 * the file, else NULL.
 */
int irm_stage_count(struct irm_stage_gate *g, const char *file,
    enum irm_stage got, enum irm_stage want, const char **hint);

/*
 * At the end of a file: returns 1 with e filled with "FILE: N more
 * STAGE rejected (the first 3 reported)" when records went unreported,
 * else 0; resets g for the next file.
 */
int irm_stage_end(struct irm_stage_gate *g, struct irm_error *e);

#endif /* IRM_JSON_H */
