/*
 * irm_event.h - the normalized event (irm-event(5)) and its writer.
 *
 * A struct irm_event holds borrowed string pointers: into the parsed
 * record (json-c or CSV fields) or into the event's own arena, filled with
 * irm_event_strdup() and friends.  Everything is released by
 * irm_event_reset(), which the reader calls before each record.  The writer
 * emits the keys in the fixed order documented in irm-event(5).
 */
#ifndef IRM_EVENT_H
#define IRM_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "irm.h"

/* The longest identity (user.name, user.target.name) irm-norm writes and
 * irm-score reads, in bytes once trimmed: longer ones reject their record,
 * so that no insight line grows with a name (irm-event(5)). */
#define IRM_IDENT_MAX 1024

/* The ECS version events conform to (ecs.version, irm-event(5)), checked
 * against that version's field list by tests/0031. */
#define IRM_ECS_VERSION "9.4.0"

/* A growable list of borrowed strings (e-mail recipients, labels). */
struct irm_strv {
	const char **v;
	size_t n;
	size_t cap;
};

struct irm_arena_blk;

struct irm_event {
	int64_t ts; /* milliseconds since the epoch, UTC */
	const char *id;
	const char *action;
	const char *category[3];
	const char *type[3];
	const char *outcome;
	int severity; /* 0: none */
	const char *provider;
	const char *module;
	const char *dataset;
	const char *format; /* the source format's name (irm-norm -f) */

	const char *user;
	const char *target_user;

	const char *activity;
	const char *irm_severity;
	const char *label;
	struct irm_strv labels;
	const char *label_old;
	const char *label_change;
	const char *share_scope;
	const char *share_target;
	const char *share_permission; /* EventData "Permissions granted" */
	const char *asset;
	const char *irm_category;
	const char *alert_category;
	const char *indicator;
	const char *value;     /* a JSON number as text */
	long long attachments; /* -1: none */
	const char *hr_resignation_date;
	const char *hr_last_working_date;
	const char *hr_effective_date;
	const char *hr_rating;
	const char *hr_remarks;
	const char *hr_old_level;
	const char *hr_new_level;

	const char *rule_name;
	struct irm_strv rule_actions;    /* inbox rules: what the rule does */
	struct irm_strv rule_conditions; /* inbox rules: "Name=value" */
	const char *rule_folder;         /* inbox rules: MoveToFolder */

	struct irm_strv mail_folders; /* mailbox access and deletes */
	long long mail_items;         /* -1: none */
	const char *mail_access;      /* MailAccessType: Bind, Sync */
	struct irm_strv members;      /* every member a change added */
	const char *changes;          /* JSON array text: [{name, old, new}] */
	const char *dlp_rules;        /* JSON array text: every matched rule */

	const char *session_id;
	const char *correlation_id;
	const char *request_type; /* sign-ins: OAuth2:Authorize, ... */
	const char *app_id;
	const char *app_name;
	const char *error_code;
	const char *error_message;

	const char *file_name;
	const char *file_extension;
	const char *file_directory;
	const char *file_path;
	const char *file_previous_name;
	long long file_size; /* -1: none */
	const char *file_sha256;

	const char *url_full;
	const char *url_domain;

	const char *email_from;
	struct irm_strv email_to;
	struct irm_strv email_cc;
	struct irm_strv email_bcc;
	const char *email_subject;
	const char *email_message_id;

	const char *destination_domain;
	const char *source_ip;
	const char *host_name;
	const char *user_agent;
	const char *ua_name;    /* the browser */
	const char *ua_os_name; /* the device's operating system */

	/*
	 * The source's facts that have no field above: a JSON object text
	 * written as o365.audit (irm-event(5)); NULL when there is none.
	 */
	const char *o365_audit;

	/* Private: the arena behind irm_event_strdup. */
	struct irm_arena_blk *arena;
};

/* Prepare ev for first use. */
void irm_event_init(struct irm_event *ev);

/* Clear every field and free the arena, keeping allocations for reuse. */
void irm_event_reset(struct irm_event *ev);
void irm_event_free(struct irm_event *ev);

/*
 * Copy n bytes of s into the event's arena and return the copy (borrowed:
 * valid until irm_event_reset).  NULL s gives NULL.
 */
const char *irm_event_strndup(struct irm_event *ev, const char *s, size_t n);
const char *irm_event_strdup(struct irm_event *ev, const char *s);
const char *irm_event_printf(struct irm_event *ev, const char *fmt, ...)
    IRM_PRINTF(2, 3);

/* Append s (borrowed) to a list; NULL s adds nothing (lib/irm_str.c). */
void irm_strv_add(struct irm_strv *sv, const char *s);

/*
 * Set the file fields from a path: file.path, file.name, file.extension
 * (lower-cased) and file.directory.  Both / and \ separate components.
 */
void irm_event_set_path(struct irm_event *ev, const char *path);

/* Set file.name and file.extension from a bare name. */
void irm_event_set_name(struct irm_event *ev, const char *name);

/* Set url.full and url.domain (the host, lower-cased) from a URL. */
void irm_event_set_url(struct irm_event *ev, const char *url);

/*
 * The domain part of an e-mail address or URL host, lower-cased, in the
 * arena; NULL when there is none.
 */
const char *irm_event_email_domain(struct irm_event *ev, const char *addr);

/*
 * Set irm.activity (a static string) and the matching ECS event.category
 * and event.type (norm_o365_ops.c holds the table).
 */
void irm_event_set_activity(struct irm_event *ev, const char *activity);

/* Options for the writer. */
struct irm_writer {
	const struct irm_pseudo *pseudo; /* NULL: no pseudonymization */
	const char **internal;           /* internal domains, NULL-terminated */
	int key_user;                    /* prefix "user<TAB>" */
	unsigned partitions; /* prefix "partition<TAB>" instead, of so many */
	int mapped_only;     /* leave o365.audit out */
};

/*
 * Check the event before writing: returns 0, or -1 with e filled when a
 * required field (time, id, user, action) is missing, or an identity holds
 * a control character or is longer than IRM_IDENT_MAX bytes.
 */
int irm_event_check(const struct irm_event *ev, struct irm_error *e);

/*
 * Append ev as one JSON line (with newline) to out.  User identities are
 * trimmed and lower-cased (ASCII only) and pseudonymized when w asks.
 * Returns 0 or -1 when out's cap is passed.
 */
int irm_event_write(
    struct irm_event *ev, const struct irm_writer *w, struct irm_buf *out);

/*
 * Append s as a JSON string literal (with quotes) to out.  Returns 0 or -1
 * when out's cap is passed.  In lib/irm_json.c, which needs no libcrypto.
 */
int irm_json_quote(struct irm_buf *out, const char *s);

#endif /* IRM_EVENT_H */
