/*
 * irm_store.h - the store (irm-store(5)): DIR/journal.jsonl, an
 * append-only, hash-chained journal of alerts, cases and analyst
 * actions, each entry with a MAC under the store's key (DIR/journal.key),
 * DIR/journal.head naming the last entry committed, and the state that is
 * the journal's fold.  store_journal.c (the journal: locking, chain, MACs,
 * repair), store_verify.c (irm-case verify) and store_state.c (the fold).
 */
#ifndef IRM_STORE_H
#define IRM_STORE_H

#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>

#include "irm.h"
#include "irm_report.h"

#define IRM_STORE_HASH_LEN 65

struct irm_store;

/*
 * Called for each entry read, in order, with the parsed entry (borrowed)
 * and its line number.  Returns 0, or -1 with e filled to stop reading:
 * the journal is then treated as corrupt.
 */
typedef int (*irm_store_fn)(void *ctx, struct json_object *entry,
    unsigned long line, struct irm_error *e);

/*
 * Open the store DIR.  A writer (write=1) creates DIR (mode 0700) and the
 * journal (0600) when missing and refuses a DIR that is not a writable
 * directory; it needs the store's key, and creates it (32 random bytes as
 * hex in journal.key, mode 0600, with journal.head naming no entry) when
 * there is none.  A key that is not a regular file or that others may
 * read is refused.  A reader needs the journal to exist, and uses the key
 * when it can read it.  The actor of every entry appended is the user of
 * the effective uid.  Returns NULL with e filled.  Owned: irm_store_close.
 */
struct irm_store *irm_store_open(
    const char *dir, int write, struct irm_error *e);
void irm_store_close(struct irm_store *s);

/*
 * Writers: take the lock (flock LOCK_EX, waiting), read the entries
 * appended since the last call, checking the chain, the MACs and that the
 * entry journal.head names is there, and pass each to fn; cut a torn last
 * line (recording a journal.repaired entry as by, and saying so through
 * warn with warn_arg; warn may be NULL); append journal.keyed (the key's
 * id) when the journal has none yet.  Returns 0, or -1 with e filled (a
 * corrupt journal: nothing may be appended, and the lock is released).
 */
int irm_store_begin(struct irm_store *s, const char *by, irm_store_fn fn,
    void *ctx, irm_warn_fn warn, void *warn_arg, struct irm_error *e);

/*
 * Append one entry {"v":1,"seq","@timestamp","type","actor","by","data",
 * "prev","mac"} between begin and commit; data is a compact JSON object,
 * by the display name, actor the Unix user.  Returns 0, or -1 with e
 * filled (the write failed: commit is still needed to unlock).
 */
int irm_store_append(struct irm_store *s, int64_t ms, const char *type,
    const char *by, const char *data, struct irm_error *e);

/* fsync the journal, write journal.head naming its last entry when it
 * changed, and release the lock.  Returns 0, or -1 with e. */
int irm_store_commit(struct irm_store *s, struct irm_error *e);

/*
 * Readers: under a shared lock, read the whole journal, checking the
 * chain, passing each entry to fn.  A torn last line is not an error
 * here: *torn is set to its length (0 when none).  Returns 0, or -1
 * with e filled at the first break in the chain.
 */
int irm_store_read(struct irm_store *s, irm_store_fn fn, void *ctx,
    size_t *torn, struct irm_error *e);

/*
 * Check the whole chain and pass every problem (an edited, removed or
 * reordered entry, a torn last line, a read error), naming the line and
 * entry, to warn with warn_arg (warn may be NULL).  head: the hash
 * printed by an earlier verify, or NULL; it must be the hash of some
 * entry, else entries were cut from the end.  Returns the number of
 * problems found; the head hash (of the last complete entry; 64 zeros
 * for an empty journal) goes to headout.
 */
unsigned long irm_store_verify(struct irm_store *s, const char *head,
    char *headout, irm_warn_fn warn, void *warn_arg);

/*
 * Progress of a long read: after irm_store_on_line, irm_store_read,
 * irm_store_begin and irm_store_verify call fn(arg, 0) after each journal
 * line they read and fn(arg, 1) once when the read ends, before they
 * return (on a failure too), so that a tool can count the lines and draw
 * and erase a progress line.  fn NULL stops the calls.
 */
typedef void (*irm_store_line_fn)(void *arg, int end);
void irm_store_on_line(struct irm_store *s, irm_store_line_fn fn, void *arg);
/* Call the function irm_store_on_line set, if any (for store_verify.c). */
void irm_store_line(struct irm_store *s, int end);

/* What irm_store_mac_check says of a line. */
enum irm_mac {
	IRM_MAC_NONE,      /* the line carries no MAC */
	IRM_MAC_OK,        /* it carries the MAC of the store's key */
	IRM_MAC_BAD,       /* it carries another */
	IRM_MAC_UNCHECKED, /* it carries one, and the key could not be read */
};

/* The MAC of one journal line (without its newline): an enum irm_mac. */
int irm_store_mac_check(
    const struct irm_store *s, const char *line, size_t len);

/* Why the store's key could not be read ("PATH: reason"), or NULL when
 * it was. */
const char *irm_store_key_problem(const struct irm_store *s);

/*
 * Read journal.head: the sequence number and hash of the last entry
 * committed, into *seq and head (65 bytes).  Returns 0, 1 when there is
 * none, or -1 with e filled (damaged, or its MAC is not the key's).
 */
int irm_store_head_load(
    struct irm_store *s, unsigned long *seq, char *head, struct irm_error *e);

/* The head hash and the last sequence number read or written. */
const char *irm_store_head(const struct irm_store *s);
unsigned long irm_store_seq(const struct irm_store *s);

/* The journal's path, for messages. */
const char *irm_store_path(const struct irm_store *s);

/*
 * The time of an action: SOURCE_DATE_EPOCH when set (seconds), else the
 * clock, in ms.
 */
int64_t irm_store_now(void);

/* --by's default: the login name, else the user name of the uid. */
const char *irm_store_login(void);

/* The state: the fold of the journal. */

enum irm_case_status { IRM_CASE_ACTIVE, IRM_CASE_CLOSED };

struct irm_note {
	int64_t at;
	char *by;
	char *actor; /* the Unix user; "" for entries from before actors */
	char *kind;  /* note, notice, confirm, dismiss, resolve, reveal */
	char *text;
};

struct irm_case {
	char *id, *name, *user;
	enum irm_case_status status;
	char *resolution; /* benign or violation, when closed */
	char *action;
	int64_t opened, updated;
	char *updated_by;
	char *updated_actor;
	char **alerts; /* alert ids */
	size_t nalerts;
	struct irm_note *notes;
	size_t nnotes;
};

struct irm_state {
	struct irm_alerts *alerts;
	struct irm_case **cases;
	size_t ncases;
	/* Per-alert history of dismissals etc. lives in case notes or
	 * here, keyed by alert id. */
	struct irm_note *alert_notes;
	char **alert_note_ids;
	size_t nalert_notes;
};

/* Owned: irm_state_free. */
struct irm_state *irm_state_new(void);
void irm_state_free(struct irm_state *st);

/* An irm_store_fn: fold one entry into the state (ctx). */
int irm_state_fold(void *ctx, struct json_object *entry, unsigned long line,
    struct irm_error *e);

/* The case with that id, or NULL. */
struct irm_case *irm_state_case(const struct irm_state *st, const char *id);

/* The id the next case.opened gets ("case-N"), in buf (32 bytes). */
void irm_state_next_case_id(const struct irm_state *st, char *buf);

/* --------------------------------------------------------- case_show.c */

struct irm_evidence;
struct json_object;

/* Write s to out with its control characters (escapes, C1 controls,
 * bidi overrides and isolates) made '?': text for a terminal. */
void irm_case_put_safe(FILE *out, const char *s);

/*
 * irm-case show of an alert to out: its head, its n insights (sorted in
 * place by day) with their factors and evidence, and with x (NULL: none)
 * the events behind them, then its history in st.
 */
void irm_case_show_alert(FILE *out, const struct irm_state *st,
    struct json_object **ins, size_t n, const struct irm_alert *al,
    const struct irm_evidence *x);

/* irm-case show of a case to out: its head, its alerts in st, its notes. */
void irm_case_show_case(
    FILE *out, const struct irm_state *st, const struct irm_case *k);

#endif /* IRM_STORE_H */
