/*
 * norm_int.h - what the lib/norm_*.c files share and nothing else
 * includes: the source-format mappers behind irm_norm_run.  Each turns
 * one parsed record (a json-c object or a CSV row) into a struct irm_event.
 *
 * Mappers return IRM_MAP_EVENT when ev was filled, IRM_MAP_SKIP when the
 * record is reference data that is not an event (HR employee profiles),
 * or IRM_MAP_REJECT with e filled when the record cannot be mapped.  They
 * borrow the record: ev points into it, so the record must outlive the
 * write of ev.
 */
#ifndef IRM_NORM_INT_H
#define IRM_NORM_INT_H

#include <json-c/json.h>

#include "irm.h"
#include "irm_csv.h"
#include "irm_event.h"
#include "irm_norm.h"

enum { IRM_MAP_REJECT = -1, IRM_MAP_SKIP = 0, IRM_MAP_EVENT = 1 };

/* JSON sources. */

/*
 * Guess the format of a JSON record from its keys: o365, graph or badge;
 * IRM_FMT_AUTO when none fits.
 */
enum irm_format irm_detect_json(struct json_object *rec);

/* An O365 Management Activity API record (also Purview CSV AuditData). */
int irm_map_o365(
    struct json_object *rec, struct irm_event *ev, struct irm_error *e);

/*
 * Map a JSON record in format f (o365, graph or badge-json); raw is the
 * record's text, for formats whose ids hash it.
 */
int irm_map_json(enum irm_format f, struct json_object *rec, const char *raw,
    size_t rawlen, struct irm_event *ev, struct irm_error *e);

/* Is f read as JSON (rather than CSV)? */
int irm_is_json_format(enum irm_format f);

/* norm_o365_ops.c: the operation table and the richer O365 mappings. */

/* The irm.activity of an O365 operation (exact match); "other" if none. */
const char *irm_o365_activity(const char *op);

/*
 * The Value of the {Name,Value} pair called name (ASCII case-insensitive)
 * in an array of pairs (borrowed); NULL when there is none.
 */
const char *irm_o365_pair(struct json_object *arr, const char *name);

/*
 * Exchange mailbox access and deletes: the mailbox owner as
 * user.target.name when it is not the actor, the folders, the number of
 * items, MailAccessType; a single item's subject and message id.
 */
void irm_o365_mailbox(struct json_object *rec, struct irm_event *ev);

/*
 * ModifiedProperties into irm.changes ([{name, old, new}], in the event's
 * arena).  Returns 1 when the event got changes, else 0.
 */
int irm_o365_changes(struct json_object *rec, struct irm_event *ev);

/*
 * DLP records: every rule of PolicyDetails into irm.dlp.rules; outcome
 * failure when a DlpRuleMatch's rule blocked and the user did not
 * override it (no ExceptionInfo).
 */
void irm_o365_dlp_rules(struct json_object *rec, struct irm_event *ev);

/* A Graph directoryAudit, signIn or alerts_v2 object. */
int irm_map_graph(struct json_object *rec, const char *raw, size_t rawlen,
    struct irm_event *ev, struct irm_error *e);

/* A physical badging connector record. */
int irm_map_badge(struct json_object *rec, const char *raw, size_t rawlen,
    struct irm_event *ev, struct irm_error *e);

/* CSV sources. */

/*
 * Per-file state of a CSV mapper, made from the header row.  cols maps a
 * mapper's field numbers to column indexes (-1: absent).
 */
#define IRM_CSV_MAXCOLS 64
struct irm_csvmap {
	enum irm_format format;
	int kind; /* mapper-private: sub-format */
	int cols[IRM_CSV_MAXCOLS];
	size_t ncols;     /* header width */
	const char *file; /* base name of the input, for event ids */
	const struct irm_norm_opts *opts;
	struct json_tokener *tok;  /* purview-csv: AuditData parser */
	struct json_object *obj;   /* purview-csv: the current AuditData */
	struct irm_cert_run *cert; /* cert: the run's LDAP accounts */
	int month;                 /* cert: an LDAP snapshot's month */
};

/*
 * Guess the CSV format from a header row; IRM_FMT_AUTO when none fits.
 */
enum irm_format irm_detect_csv(const struct irm_row *hdr);

/*
 * Prepare m for a file whose header is hdr, in format fmt.  file is the
 * input name (its base name goes into event ids).  Returns 0, or -1 with e
 * filled when required columns are missing.
 */
int irm_csvmap_init(struct irm_csvmap *m, enum irm_format fmt,
    const struct irm_row *hdr, const char *file,
    const struct irm_norm_opts *opts, struct irm_error *e);
void irm_csvmap_free(struct irm_csvmap *m);

/* Map one data row with the mapper chosen by irm_csvmap_init. */
int irm_map_csv(struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e);

/*
 * Per-format initialisers and mappers behind irm_csvmap_init and
 * irm_map_csv.
 */
int irm_purview_init(
    struct irm_csvmap *m, const struct irm_row *hdr, struct irm_error *e);
int irm_map_purview(struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e);
int irm_hr_init(
    struct irm_csvmap *m, const struct irm_row *hdr, struct irm_error *e);
int irm_map_hr(struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e);
int irm_cert_init(
    struct irm_csvmap *m, const struct irm_row *hdr, struct irm_error *e);
int irm_map_cert(struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e);

/*
 * What the CERT mapper remembers across the files of a run: the accounts
 * of the LDAP snapshots and the domain of the activity rows' users.
 */
struct irm_cert_run *irm_cert_run_new(void);
void irm_cert_run_free(struct irm_cert_run *c);

/*
 * After the last file: fill ev with the next account that a snapshot
 * lists and a later one does not, from *i on (start at 0), as an
 * account_deleted event dated the first day of the first snapshot without
 * it.  Returns IRM_MAP_EVENT, IRM_MAP_REJECT with e filled, or
 * IRM_MAP_SKIP when there are no more.
 */
int irm_cert_departure(struct irm_cert_run *c, size_t *i, struct irm_event *ev,
    struct irm_error *e);

int irm_custom_init(
    struct irm_csvmap *m, const struct irm_row *hdr, struct irm_error *e);
int irm_map_custom(struct irm_csvmap *m, const struct irm_row *row,
    struct irm_event *ev, struct irm_error *e);

/*
 * Find a column by any of the NULL-terminated names (ASCII
 * case-insensitive, surrounding blanks ignored), honouring --map entries
 * for field.  Returns the index or -1.
 */
int irm_csv_column(const struct irm_row *hdr, const struct irm_norm_opts *o,
    const char *field, const char *const *names);

/* The value of column c of row, or NULL when absent or empty. */
const char *irm_row_get(const struct irm_row *row, int c);

/*
 * Parse a timestamp field of a zone-less source (--tz applies) into
 * ev->ts.  Returns 0 or -1 with e naming the field.
 */
int irm_event_time_local(struct irm_event *ev, const char *field,
    const char *value, struct irm_error *e);

/* Set ev->id to "sha256:" and the hash of raw. */
void irm_event_id_hash(struct irm_event *ev, const char *raw, size_t len);

#endif /* IRM_NORM_INT_H */
