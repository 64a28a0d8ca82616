/*
 * irm_score.h - what irm-score is made of: configuration files with line
 * numbers, settings, policies and templates, the indicator catalogue, and
 * the event as irm-score sees it.  DESIGN section 4 and irm-policy(5) are
 * the contract.
 */
#ifndef IRM_SCORE_H
#define IRM_SCORE_H

#include <json-c/json.h>
#include <regex.h>
#include <stdint.h>

#include "irm.h"
#include "irm_event.h"

/* ------------------------------------------------------------ irm_conf.c */

/*
 * A JSON configuration file that may hold comments (// to end of line and
 * slash-star blocks, outside strings), with the line on which every value
 * starts.  Values are found by path: "" is the root, "domains.unallowed"
 * a member, "domains.unallowed[1]" an array element (keys containing '.'
 * or '[' are looked up as written: the path is only a lookup key).
 */
struct irm_conf;

/*
 * Read and parse path.  Returns the file (owned: irm_conf_free) or NULL
 * with e holding "FILE:LINE: reason" for a syntax error or "FILE: reason"
 * for an unreadable file.
 */
struct irm_conf *irm_conf_load(const char *path, struct irm_error *e);
void irm_conf_free(struct irm_conf *c);

/* The root value (borrowed, lives as long as c). */
struct json_object *irm_conf_root(const struct irm_conf *c);
const char *irm_conf_path(const struct irm_conf *c);

/* The line on which the value at path starts (the key's line for
 * members), or 0 when unknown. */
unsigned long irm_conf_line(const struct irm_conf *c, const char *path);

/*
 * Resolve a file name given inside the configuration file relative to the
 * file's directory (absolute names stay).  Owned: free().
 */
char *irm_conf_relpath(const struct irm_conf *c, const char *name);

/* A list of lint problems, "FILE:LINE: problem", in the order found. */
struct irm_lint {
	char **msg;
	size_t n, cap;
};

/* Append a problem at path of c (line looked up); printf-style. */
void irm_lint_add(struct irm_lint *l, const struct irm_conf *c,
    const char *path, const char *fmt, ...) IRM_PRINTF(4, 5);
void irm_lint_free(struct irm_lint *l);

/* ------------------------------------------------------- the scored event */

/*
 * An irm-event(5) record as irm-score reads it.  Strings are borrowed from
 * the parsed JSON object and live until the next event is read.
 */
struct irm_ev {
	int64_t ts;  /* ms since the epoch */
	int64_t day; /* UTC day number: days since 1970-01-01 */
	const char *id;
	const char *user;
	const char *target_user; /* user.target.name */
	const char *activity;
	const char *action;
	const char *outcome;
	int severity; /* event.severity, 0 none */
	const char *irm_severity;
	const char *label;
	const char *label_old; /* irm.label_old */
	struct irm_strv labels;
	const char *label_change;
	const char *share_scope;
	const char *share_target;
	const char *asset;
	const char *category;       /* irm.category (browsing) */
	const char *alert_category; /* irm.alert_category */
	const char *indicator;      /* irm.indicator (custom) */
	double value;               /* irm.value; NAN when absent */
	const char *file_name;
	const char *file_ext;
	const char *file_dir;
	const char *file_path;
	const char *file_prev;
	const char *url_full;
	const char *url_domain;
	const char *dest_domain;
	const char *email_subject;
	const char *email_from;   /* email.from.address's first */
	struct irm_strv email_to; /* to, cc and bcc together */
	long long attachments;    /* irm.attachments, -1 when absent */
	const char *hr_resignation_date;
	const char *hr_last_working_date;
	const char *hr_effective_date;
	const char *hr_rating;
	const char *hr_old_level;
	const char *hr_new_level;
	const char *source_ip;        /* source.ip */
	const char *user_agent;       /* user_agent.original, else .name */
	const char *host_name;        /* host.name */
	const char *rule_name;        /* rule.name */
	const char *rule_folder;      /* irm.mail_rule.folder */
	struct irm_strv rule_actions; /* irm.mail_rule.actions */
	/* Set by the engine, never by irm_ev_parse: IRM_EV_* bits. */
	int signal;
};

/* What the engine knows of an event beyond its fields (irm_ev.signal):
 * a sign-in from a network or a user agent new for the user, an
 * anonymous access attributed to the item's owner (the event then counts
 * for the owner, not for the anonymous id). */
#define IRM_EV_NEW_IP 1
#define IRM_EV_NEW_AGENT 2
#define IRM_EV_OWNER 4
#define IRM_EV_NEW_HOST 8
#define IRM_EV_NEW_FROM 16

/*
 * Fill ev from a parsed event object.  Returns 0, or -1 with e filled when
 * the object does not follow irm-event(5) (no @timestamp, event.id,
 * user.name or irm.activity).
 */
int irm_ev_parse(struct json_object *o, struct irm_ev *ev, struct irm_error *e);
void irm_ev_free(struct irm_ev *ev); /* frees the lists' storage */

/*
 * What irm_ev_fast keeps from one line to the next: the scratch copy of
 * the line that the event's strings point into, and the recipient lists
 * before they are joined.  Zero-initialise; free with irm_evfast_free.
 */
struct irm_evfast {
	char *buf;
	size_t cap;
	struct irm_strv to, cc, bcc;
	unsigned long fast; /* lines read without json-c */
};

/*
 * Fill ev from one irm-event(5) line line[0..len) (no NUL needed) as
 * irm_ev_parse fills it from json-c's object of the line, without json-c
 * and, once fs and ev's lists have grown, without allocating.  The
 * strings live in fs until the next call.  Returns 0, or 1 when the line
 * is not plainly an ordinary event in strict JSON that json-c would read
 * the same way (a syntax error, a rejected event, a number where a string
 * is read, "\u0000", a key read twice, deep nesting, ...): the caller
 * then parses it with json-c and irm_ev_parse, which give the usual event
 * or the usual message.  ev is meaningless after 1.
 */
int irm_ev_fast(
    const char *line, size_t len, struct irm_ev *ev, struct irm_evfast *fs);
void irm_evfast_free(struct irm_evfast *fs);

/* ------------------------------------------------------------- settings */

enum irm_domclass {
	IRM_DOM_NONE = 0, /* not in any list: external */
	IRM_DOM_INTERNAL,
	IRM_DOM_ALLOWED,
	IRM_DOM_UNALLOWED,
	IRM_DOM_THIRD_PARTY
};

struct irm_label {
	char *id;
	char *name;
	int priority; /* 0 is the highest (first in the file) */
};

struct irm_group {
	char *name;
	char **users; /* lower-cased (pseudonymized when asked) */
	size_t n;
};

struct irm_person {
	char *user; /* lower-cased, pseudonymized when asked */
	char *department;
	char *manager;
	char *title;
};

struct irm_settings {
	struct irm_label *labels;
	size_t nlabels;
	char **dom[5]; /* patterns per enum irm_domclass (index 0 unused) */
	size_t ndom[5];
	struct irm_group *groups; /* priority_users */
	size_t ngroups;
	char **pc_labels, **pc_sites, **pc_ext, **pc_keywords;
	size_t npc_labels, npc_sites, npc_ext, npc_keywords;
	char **ex_users, **ex_paths, **ex_sites, **ex_keywords, **ex_types;
	size_t nex_users, nex_paths, nex_sites, nex_keywords, nex_types;
	char wh_zone[64];
	int wh_days;  /* bit 0 Sunday .. bit 6 Saturday */
	int wh_start; /* minutes after midnight */
	int wh_end;
	int wh_given; /* the settings name working_hours */
	regex_t poor_rating;
	int demotion_lower_number; /* hr.demotion "lower_number" */
	int volume_shift;          /* alert_volume: added to every min_score */
	int unusual_min_daily;
	double unusual_factor;
	struct irm_person *people; /* directory, sorted by user */
	size_t npeople;
	/* web_categories: per category, its domain patterns (users holds
	 * them), in the file's order */
	struct irm_group *webcats;
	size_t nwebcats;
};

/*
 * Load a settings file (NULL path: every default).  Identities (priority
 * users, exclusions.users, the directory) are lower-cased and, when pseudo
 * is not NULL, pseudonymized as irm-norm does.  Problems go to lint; the
 * return is 0 when lint gained nothing, else -1.  s is usable (defaults
 * filled) either way.
 */
int irm_settings_load(struct irm_settings *s, const char *path,
    const struct irm_pseudo *pseudo, struct irm_lint *lint);
void irm_settings_free(struct irm_settings *s);

/* Classify a domain (lower-case) by the settings' domain lists: the first
 * list that matches wins, in the order allowed, internal, unallowed,
 * third_party. */
enum irm_domclass irm_domain_class(
    const struct irm_settings *s, const char *domain);

/* Is domain a known free mail service for persons (gmail.com,
 * outlook.com, ...)?  1 or 0. */
int irm_domain_personal_mail(const char *domain);
/* Known sites when nothing else gives a domain a category: job boards
 * (and LinkedIn's jobs section, by url), keylogger vendors. */
int irm_web_job_board(const char *domain, const char *url);
int irm_web_keylogger(const char *domain);

/* The web category of a domain by the settings' web_categories: the
 * first category with a matching pattern, or NULL. */
const char *irm_web_category(const struct irm_settings *s, const char *domain);

/* Does pattern ("x.com" or "*.x.com") match domain?  ASCII case-blind. */
int irm_domain_match(const char *pattern, const char *domain);

/* The label's priority (0 highest), or -1 when the label (id or name) is
 * not in settings.labels. */
int irm_label_priority(const struct irm_settings *s, const char *label);

/* Did ev touch priority content (label, site, extension, keyword, a DLP
 * match of high severity)? */
int irm_priority_content(const struct irm_settings *s, const struct irm_ev *ev);

/* Is ev a DLP match of high severity? */
int irm_dlp_high(const struct irm_ev *ev);

/* Is ev excluded (user, path, site, keyword, file type)? */
int irm_excluded(const struct irm_settings *s, const struct irm_ev *ev);
int irm_service_identity(const char *user);

/* Does an exclusion path pattern (with * and *(n)) match path? */
int irm_path_match(const char *pattern, const char *path);

/* Is the instant ts (ms) outside working hours, in their zone? */
int irm_after_hours(const struct irm_settings *s, int64_t ts);

/* Is the middle of hour (0-23) of day (days since the epoch, local in
 * working_hours.zone) outside working hours? */
int irm_after_hour(const struct irm_settings *s, int64_t day, int hour);

/* The hour of the day (0-23) of the instant ts (ms) in working_hours.zone. */
int irm_local_hour(const struct irm_settings *s, int64_t ts);

/* Is user in any priority user group? */
int irm_priority_user(const struct irm_settings *s, const char *user);

/* The directory entry of user, or NULL. */
const struct irm_person *irm_directory_find(
    const struct irm_settings *s, const char *user);

/* alert_volume's shifts of min_score: "fewer" and "more" alerts. */
#define IRM_VOLUME_FEWER 16
#define IRM_VOLUME_MORE (-17)

/* Is a review rating poor / a job change a demotion, by settings.hr? */
int irm_hr_poor_rating(const struct irm_settings *s, const char *rating);
int irm_hr_demotion(
    const struct irm_settings *s, const char *old_level, const char *new_level);

/* ----------------------------------------------------------- indicators */

/*
 * The indicator catalogue.  Each indicator is a documented predicate over
 * one event (activity and fields) and the settings; the engine counts,
 * per user and UTC day, the distinct event ids for which it holds.
 */
struct irm_indicator {
	const char *name;
	const char *activities; /* for --list-indicators */
	const char *conditions; /* for --list-indicators */
	int weight;             /* default weight */
	int thresholds[3];      /* default low, medium, high per day */
	int exfiltration;       /* counts toward cumulative exfiltration */
	int engine;             /* the engine qualifies matches further */
	int risky;    /* points toward risky_user_signal (2 raise it) */
	int distinct; /* counts distinct user.target.name a day */
	int (*match)(const struct irm_settings *s, const struct irm_ev *ev);
};

extern const struct irm_indicator irm_indicators[];
extern const size_t irm_nindicators;

/* The index of an indicator by name, or -1. */
int irm_indicator_find(const char *name);

/* The indicator that stands for idx's channel (the mail indicators are
 * one: one mail matches all three); idx for the others. */
int irm_indicator_channel(int idx);

/*
 * Does ev name an unallowed domain as its far end (a recipient, a share
 * or member guest's domain, destination.domain, the url.domain of a cloud
 * upload, browser download or web visit)?  1 or 0: the unallowed-domain
 * booster.
 */
int irm_ev_unallowed(const struct irm_settings *s, const struct irm_ev *ev);
/* Is ev mail to business recipients only (none unallowed, none at a free
 * mail service for persons)? */
int irm_ev_business_mail(const struct irm_settings *s, const struct irm_ev *ev);

/* ------------------------------------------------------------- policies */

enum irm_trigger {
	IRM_TRIG_RESIGNATION = 1 << 0,   /* hr_resignation */
	IRM_TRIG_REVIEW = 1 << 1,        /* hr_review with a poor rating */
	IRM_TRIG_JOB_CHANGE = 1 << 2,    /* hr_job_change that is a demotion */
	IRM_TRIG_PIP = 1 << 3,           /* hr_pip */
	IRM_TRIG_DELETED = 1 << 4,       /* account_deleted */
	IRM_TRIG_DLP = 1 << 5,           /* dlp_matched of high severity */
	IRM_TRIG_ALERT = 1 << 6,         /* security_alert */
	IRM_TRIG_EXFIL = 1 << 7,         /* an exfiltration indicator at low */
	IRM_TRIG_CUSTOM = 1 << 8,        /* custom */
	IRM_TRIG_MANUAL = 1 << 9,        /* --start-scoring */
	IRM_TRIG_RISKY_SIGNAL = 1 << 10, /* risky-user indicators (risky) */
	IRM_TRIG_JOB_SEARCH = 1 << 11,   /* job sites on several days */
	IRM_TRIG_IMPERSONATION = 1 << 12 /* as another: mail and a new host */
};

/* Trigger names as in policy files ("hr_resignation", ...) and back. */
const char *irm_trigger_name(enum irm_trigger t);
int irm_trigger_parse(const char *name); /* 0 when unknown */

struct irm_pol_ind {
	int enabled;
	int weight;
	int thresholds[3];
};

struct irm_policy {
	char *name;
	char *file;
	char *template;
	char **include, **exclude; /* user patterns, '*' wildcard */
	size_t ninclude, nexclude;
	int triggers;    /* enum irm_trigger bits; 0: every user in scope */
	int before_days; /* window around a trigger */
	int after_days;
	struct irm_pol_ind ind[64]; /* by catalogue index */
	int priority_only;
	int priority_users_only; /* template: only priority users in scope */
	int boost_unusual, boost_priority_user, boost_previous, boost_after;
	int sequences;
	int cumulative;
	int user_risk; /* risk insights (score_risk.c) */
	int min_score;
};

/* Template names; a template fills every field of a policy. */
extern const char *const irm_templates[];
int irm_template_fill(struct irm_policy *p, const char *template);

/*
 * Load policies from files or directories (every *.json, in name order).
 * Identities in users.include/exclude are pseudonymized when pseudo is
 * set.  Problems go to lint.  Returns the number of policies loaded, or -1
 * when lint gained problems.  *out is owned: irm_policies_free.
 */
int irm_policies_load(char *const *paths, size_t npaths,
    const struct irm_pseudo *pseudo, struct irm_policy **out,
    struct irm_lint *lint);
void irm_policies_free(struct irm_policy *p, size_t n);

/* Is user in the policy's users scope (include minus exclude)? */
int irm_policy_covers(const struct irm_policy *p, const char *user);

/*
 * --lint only: each users.include pattern of the n policies that matches
 * no user of the settings' directory (a typo, another domain) is a
 * problem "FILE: users.include[N]: \"PATTERN\" matches no user of the
 * directory".  Nothing without a directory.  Returns the problems added.
 */
size_t irm_policies_lint_scope(const struct irm_policy *p, size_t n,
    const struct irm_settings *s, struct irm_lint *lint);

/* --------------------------------------------------------------- engine */

/*
 * The scoring engine: per-user daily aggregates, triggers, final days and
 * insights (score_engine.c, with score_cum.c, score_seq.c and
 * score_state.c).  Insights are appended to an output buffer that the
 * caller drains after each call.
 */
struct irm_engine;

struct irm_engine_opts {
	const struct irm_settings *settings;
	const struct irm_policy *policies;
	size_t npolicies;
	int lag_days;      /* a day is final lag days after its end */
	int lookback_days; /* how long daily aggregates are kept */
	int64_t now;       /* --now, or INT64_MIN */
	/* Confirmed violations (-S STORE): users and the day of the case's
	 * resolution, sorted by user. */
	const struct irm_violation *violations;
	size_t nviolations;
};

struct irm_violation {
	char *user; /* lower-cased (pseudonymized when asked) */
	int64_t day;
};

/*
 * Read the users with a case resolved as a confirmed violation from the
 * store's journal (DIR/journal.jsonl, irm-store(5)): entries of type
 * case.resolved whose data has "resolution":"violation" and a "user".  A
 * missing journal is an empty store.  Returns 0, or -1 with e filled.
 * *out is owned (free each user, then the array); sorted by user.
 */
int irm_violations_load(const char *dir, const struct irm_pseudo *pseudo,
    struct irm_violation **out, size_t *n, struct irm_error *e);

/* Owned: irm_engine_free. */
struct irm_engine *irm_engine_new(const struct irm_engine_opts *o);
void irm_engine_free(struct irm_engine *g);

/* The ids of the events counted that a user's day keeps for its
 * look-back (irm_engine_add). */
#define IRM_KEPT_MAX 4096

/*
 * Count one event.  Insights that become due are appended to out.
 * Returns 1 when the event was for a day already final (a late event), 2
 * for a late event not counted (its id was counted for its day already,
 * or the day counted more than IRM_KEPT_MAX events and cannot tell), else
 * 0.
 */
int irm_engine_add(
    struct irm_engine *g, const struct irm_ev *ev, struct irm_buf *out);

/*
 * Raise "now" (the newest time seen) to now, making days final as an
 * event of that time would (--now).
 */
void irm_engine_tick(struct irm_engine *g, int64_t now, struct irm_buf *out);

/* A manual trigger (--start-scoring): user scored on [day, day+days). */
void irm_engine_start_scoring(struct irm_engine *g, const char *user,
    int64_t day, int days, struct irm_buf *out);

/* Make every day final and append what becomes due (end of input). */
void irm_engine_finish(struct irm_engine *g, struct irm_buf *out);

/*
 * Save and load the engine's state (--state): a versioned JSON lines
 * file written atomically (temporary file, fsync, rename), mode 0600.
 * load returns 0 (a missing file is an empty state) or -1 with e filled.
 */
int irm_engine_save(
    const struct irm_engine *g, const char *path, struct irm_error *e);
int irm_engine_load(
    struct irm_engine *g, const char *path, struct irm_error *e);

/*
 * Partitioned runs (irm(7) SCALE).  First pass: irm_engine_population_out
 * makes the engine append the population rows to rows (the header at
 * once; the counts of each day as it becomes final), and
 * irm_engine_population_end the days and the end line, after
 * irm_engine_finish.  Second pass: irm_pop_load reads a population file
 * (several may be loaded, the merge of partitions), and
 * irm_engine_population gives it to the engine, after irm_engine_load,
 * before any event; finish says whether the run will call
 * irm_engine_finish.  The engine borrows p: free it after the engine.
 */
void irm_engine_population_out(struct irm_engine *g, struct irm_buf *rows);
void irm_engine_population_end(struct irm_engine *g);
struct irm_pop;
struct irm_pop *irm_pop_new(void);
int irm_pop_load(struct irm_pop *p, const char *path, struct irm_error *e);
void irm_pop_free(struct irm_pop *p);
void irm_engine_population(struct irm_engine *g, struct irm_pop *p, int finish);

/* Per policy and indicator, users and user-days at each level (--stats). */
void irm_engine_stats(const struct irm_engine *g, FILE *fp);

#endif /* IRM_SCORE_H */
