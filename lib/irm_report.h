/*
 * irm_report.h - alerts from insights (irm-alert(5)): one open alert per
 * (user, policy), updated by later insights; a dismissed or resolved
 * alert ends its episode and the next insight opens a new one.
 * report_alert.c.
 */
#ifndef IRM_REPORT_H
#define IRM_REPORT_H

#include <json-c/json.h>
#include <stdint.h>

#include "irm.h"

enum irm_alert_status {
	IRM_ALERT_NEEDS_REVIEW,
	IRM_ALERT_CONFIRMED,
	IRM_ALERT_DISMISSED,
	IRM_ALERT_RESOLVED
};

/* One insight of an alert, as read. */
struct irm_alert_ins {
	char *id;
	int rev;
	int score;
	int count;
	char *what;         /* indicator, or the insight kind */
	int64_t day;        /* the insight's @timestamp, ms */
	int64_t trigger;    /* irm.trigger.@timestamp, ms, or INT64_MIN */
	char *trigger_name; /* irm.trigger.activity, or NULL */
	char *factors;      /* irm.factors as compact JSON, or NULL */
	char **ev;          /* irm.evidence.ids (at most 20), owned */
	size_t nev;
};

/* An alert: read-only outside report_alert.c. */
struct irm_alert {
	char id[32];
	char *user, *policy, *ruleset;
	int episode; /* 1, 2, ... per (user, policy) */
	enum irm_alert_status status;
	char *case_id;       /* when confirmed or resolved, else NULL */
	int64_t first, last; /* insight days, ms */
	struct irm_alert_ins *ins;
	size_t nins;
	char **factors; /* risk factor names, sorted, distinct */
	size_t nfactors;
	struct irm_alert *prev_episode;
	int emitted;
};

struct irm_alerts;

/* Owned: irm_alerts_free. */
struct irm_alerts *irm_alerts_new(void);
void irm_alerts_free(struct irm_alerts *a);

/* 0 when o is an insight irm_alerts_add accepts, else -1 with e. */
int irm_insight_check(struct json_object *o, struct irm_error *e);

/*
 * Fold one insight (an irm-insight(5) object) into its alert.  When the
 * alert changed, *changed is set to it (and *fresh to 1 when the insight
 * opened it) and 1 is returned; 0 when nothing changed (a replayed
 * insight); -1 with e filled when the object is not an insight.
 */
int irm_alerts_add(struct irm_alerts *a, struct json_object *insight,
    struct irm_alert **changed, int *fresh, struct irm_error *e);

/* Every alert, all episodes, in the order they were opened. */
size_t irm_alerts_count(const struct irm_alerts *a);
struct irm_alert *irm_alerts_at(const struct irm_alerts *a, size_t i);

/* The alert with that id, or NULL. */
struct irm_alert *irm_alerts_find(const struct irm_alerts *a, const char *id);

/* The highest severity (1-3) of the open alerts, 0 when there are none. */
int irm_alerts_max_severity(const struct irm_alerts *a);

/* How many insights were read (replays included). */
unsigned long irm_alerts_insights(const struct irm_alerts *a);

/* An alert's score (0-100), severity (1 low, 2 medium, 3 high). */
int irm_alert_score(const struct irm_alert *al);

/* Did insights a and b count the same events (the same irm.count and
 * evidence ids, some)?  One mail is an email_personal_domain and an
 * email_self insight: one thing done. */
int irm_alert_ins_same(
    const struct irm_alert_ins *a, const struct irm_alert_ins *b);
int irm_alert_severity(const struct irm_alert *al);

/* needs_review, confirmed, dismissed, resolved; open: the first two. */
const char *irm_alert_status_name(enum irm_alert_status s);
int irm_alert_status_parse(const char *s);
int irm_alert_open(const struct irm_alert *al);

/* Triage, from the store: a closed alert ends its episode. */
void irm_alert_set_status(
    struct irm_alert *al, enum irm_alert_status s, const char *case_id);

#define IRM_ALERT_TOP 3
/*
 * Indexes of the (at most IRM_ALERT_TOP) best-scoring insights, best
 * first; among equal scores the earlier insight first.  Returns how many.
 */
size_t irm_alert_top(const struct irm_alert *al, size_t *idx);

/*
 * Append the alert record (irm-alert(5), one JSON line) to out; change is
 * "new", "updated" or NULL (a state listing: no change key).
 */
void irm_alert_write_json(
    const struct irm_alert *al, const char *change, struct irm_buf *out);

/*
 * Queue order: open before closed, then severity, score, last_seen
 * (newest first), id.  For qsort over struct irm_alert pointers.
 */
int irm_alert_cmp_queue(const void *a, const void *b);

/*
 * Append one risk-level record per user with open alerts that qualify
 * (elevated, then moderate, then minor; by user within a level), by the
 * Adaptive Protection rules of report_risk.c, as of the newest alert.
 */
void irm_risk_levels(const struct irm_alerts *a, struct irm_buf *out);

/*
 * One user of the per-user view: the user's open alerts (one per
 * policy), best first.  The lead alert is the first: the user's score
 * is its score.  corroboration counts the activities (distinct day and
 * indicator, or insight kind) that only the other alerts hold; each adds
 * IRM_USER_BONUS_STEP points, at most IRM_USER_BONUS_MAX, and risk is
 * score + bonus, at most 100.  severity is the lead alert's, the
 * highest of the user's: the bonus ranks, it never raises a severity.
 */
#define IRM_USER_BONUS_STEP 2
#define IRM_USER_BONUS_MAX 10

struct irm_user_risk {
	const char *user;          /* borrowed from the alerts */
	struct irm_alert **alerts; /* owned array of borrowed alerts */
	size_t nalerts;
	int score, corroboration, bonus, risk, severity;
	int64_t first, last;     /* over the alerts, ms */
	const char **indicators; /* sorted, distinct; owned array */
	size_t nindicators;
};

/*
 * The per-user view of the open alerts (needs_review, confirmed) of a:
 * one entry per user, in risk order: higher risk first, then higher
 * severity, the latest last_seen, and the user name (bytes).  *n is set
 * to the number of users.  Owned: irm_user_risks_free.  The entries
 * borrow from a, which must outlive them.
 */
struct irm_user_risk *irm_user_risks(const struct irm_alerts *a, size_t *n);
void irm_user_risks_free(struct irm_user_risk *u, size_t n);

/* Append the user risk record (irm-alert(5), one JSON line) to out. */
void irm_user_risk_write_json(
    const struct irm_user_risk *u, struct irm_buf *out);

/*
 * The events behind alerts (report_evidence.c): the evidence ids of their
 * insights joined with an events file.  List the ids wanted first
 * (irm_evidence_want, irm_evidence_want_alerts), then read the events in
 * one pass (irm_evidence_read, or irm_evidence_add per event): only the
 * wanted events are kept, as summaries, so memory grows with the alerts'
 * evidence, not with the events.  Every string is cut to 200 bytes and
 * is raw input: escape it for the output.
 */
struct irm_evidence_event {
	char *id;       /* event.id */
	int64_t at;     /* @timestamp, ms, or INT64_MIN */
	char *user;     /* user.name, or "" */
	char *activity; /* irm.activity, else event.action, or "";
	                   " (failure)" after it when event.outcome says so */
	char *object;   /* file, inbox rule, target account, subject, badge
	                   asset; "to" recipients, share target or domain */
	char *ip;       /* source.ip, or "" */
	char *device;   /* host.name, app, user agent, or "" */
};

struct irm_evidence;

/* Owned: irm_evidence_free (NULL-safe). */
struct irm_evidence *irm_evidence_new(void);
void irm_evidence_free(struct irm_evidence *x);

/* Want the event id (copied), or every evidence id of the n alerts v. */
void irm_evidence_want(struct irm_evidence *x, const char *id);
void irm_evidence_want_alerts(
    struct irm_evidence *x, struct irm_alert *const *v, size_t n);

/*
 * Keep the summary of event (irm-event(5)) when its event.id is wanted
 * and not yet kept (the first of duplicates wins): 1, else 0.
 */
int irm_evidence_add(struct irm_evidence *x, struct json_object *event);

/*
 * One pass over the events file (JSON lines; "-" is stdin), keeping the
 * wanted events.  Records that are not JSON are skipped; at the end warn
 * (when not NULL) gets one message with how many there were and the line
 * of the first, and one with how many wanted ids were not found.
 * Returns 0, or -1 with e when the file cannot be opened or read.
 */
int irm_evidence_read(struct irm_evidence *x, const char *file,
    irm_warn_fn warn, void *arg, struct irm_error *e);

/* The kept event with that id (borrowed), or NULL; x may be NULL. */
const struct irm_evidence_event *irm_evidence_find(
    const struct irm_evidence *x, const char *id);

/*
 * The distinct kept events of the n alerts v, in time order (then by id),
 * in *out (an owned array of borrowed events; NULL when none).  Returns
 * how many.
 */
size_t irm_evidence_of(const struct irm_evidence *x, struct irm_alert *const *v,
    size_t n, const struct irm_evidence_event ***out);

/*
 * The time of an event as a person reads it, "2026-03-17 10:02:03" (UTC,
 * to the second), or "?" for INT64_MIN; out holds IRM_TIME_LEN bytes.
 */
void irm_evidence_time(int64_t ms, char *out);

#endif /* IRM_REPORT_H */
