/*
 * score_int.h - what the parts of irm-score share and nothing else sees:
 * the engine's per-user state (score_engine.c), saved and loaded by
 * score_state.c, scored further by score_cum.c (cumulative exfiltration)
 * and score_seq.c (sequences); and the string and path helpers that the
 * settings parser (score_settings.c) borrows from the matching rules
 * (score_match.c).  cmd/ and the tests use irm_score.h only.
 */
#ifndef IRM_SCORE_INT_H
#define IRM_SCORE_INT_H

#include <stdint.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_score.h"

#define DAY_MS 86400000LL
#define EVID_MAX 20
#define KEPT_MAX IRM_KEPT_MAX
#define EVID_CUT 1024 /* bytes of a string written into an insight */
#define MAX_POLICIES 64
#define OWN_MIN_DAYS 14 /* active days of history for the own baseline */
#define JOB_DAYS 4      /* job search: visits on this many days */
#define JOB_WINDOW 30   /* ... of these to the day */
#define PRIO_MIN 3      /* events of priority content that make it a signal */
#define OWN_FACTOR 2    /* usual: at most this times the own mean */
#define SHARED_CAP 5    /* a department's rise: this times the own mean */

/* ------------------------------------------------------- engine state */

/* The first ids, files and targets of a count (allocated apart: most
 * counts lose theirs when their day is final).  The lists own their
 * strings. */
struct evid {
	struct irm_strv ids, files, targets;
};

/* One indicator on one day of one user. */
struct iday {
	int idx; /* catalogue index */
	uint32_t n, prio, unallowed, after;
	uint32_t hours;  /* bit per local hour of the events counted */
	int rk;          /* user risk: enum risk_kind, set when final */
	struct evid *ev; /* NULL: none kept */
};

/* An insight already written: its revision and what it counted. */
struct emitted {
	uint16_t pol, idx, rev;
	uint32_t n;
};

struct uday {
	int64_t day;
	int final;
	uint64_t scored; /* bit per policy: scored once final */
	struct iday *ind;
	int nind;
	struct emitted *em;
	int nem;
	uint64_t *seen; /* id hashes, open addressing; NULL when final */
	size_t nseen, capseen;
	/* Short ids (irm_eng_short_id) of the events counted, sorted, kept
	 * for the look-back so that a replayed event is not counted again
	 * once the day is final; full: more than KEPT_MAX were counted. */
	uint32_t *kept;
	uint32_t nkept, capkept;
	int full;
	uint32_t hours; /* bit per local hour of the user's events */
};

struct trig {
	int type;     /* enum irm_trigger */
	int64_t from; /* first and last day the trigger names */
	int64_t to;
	int64_t ts; /* when it happened, for the insight */
	int exact;  /* --start-scoring: the window is [from, to] */
	/* A DLP match of mail to business recipients only (none in an
	 * unallowed domain, none at a free mail service): the
	 * organization's own mail, no reason of its own for one ordinary
	 * file to leave (part_points), nor for user risk. */
	int business;
};

/* The last cumulative (or, risk set, user risk) insight of a user for a
 * policy: its percentile (severity) and day.  risk: CUM_MARK_*. */
enum { CUM_MARK_ALL, CUM_MARK_RISK, CUM_MARK_UNALLOWED, CUM_MARKS };
struct cum {
	int pol;
	int level;
	int64_t day;
	int risk;
};

/* A user's sign-in memory (score_signal.c): networks and user agents,
 * hashed, with the day each was last used. */
#define SIGNIN_MAX 24    /* networks and agents remembered a user */
#define SIGNIN_HISTORY 5 /* days with a sign-in before one can be new */
struct irm_signin {
	uint32_t key[SIGNIN_MAX]; /* low bit 0: a network, 1: an agent */
	int32_t last[SIGNIN_MAX];
	int n;
	int32_t days;     /* days with a successful sign-in */
	int32_t lastday;  /* the latest of them */
	int32_t maildays; /* days with a sent mail (users named by an id) */
	int32_t mailday;  /* the latest of them */
};
/* What a count is for the user's risk (score_risk.c). */
/* RISK_HOURS is a kind of part (score_risk.c), never an iday.rk. */
enum risk_kind { RISK_NONE, RISK_NEW, RISK_RISE, RISK_HOURS };
#define RISK_KIND 3  /* iday.rk & RISK_KIND: the kind */
#define RISK_SHORT 4 /* iday.rk bit: judged on fewer than OWN_MIN_DAYS days */
/* iday.rk bit: on fewer than ROUTINE_MIN_DAYS active days of the user's,
 * half of the peers or more had the indicator (is_routine). */
#define RISK_COMMON 8
/* iday.rk bit: new only for its unallowed destination, the indicator
 * itself counted in the days before (irm_risk_mark). */
#define RISK_DEST 16
#define ROUTINE_MIN_DAYS 3 /* a level of the user's own from this many days */
/* New, on a history long enough to corroborate a count on its own. */
#define RISK_FIRST(rk) (((rk) & (RISK_KIND | RISK_SHORT)) == RISK_NEW)

struct user {
	char *name;
	struct uday *days; /* sorted by day */
	int ndays, capdays;
	struct trig *trig;
	int ntrig;
	struct irm_seqset *seq;
	struct cum *cum; /* cumulative insights written, per policy */
	int ncum;
	struct irm_signin *signin; /* NULL until a sign-in */
};

struct irm_engine {
	struct irm_engine_opts o;
	struct irm_popstate *pop; /* partitioned runs (score_pop.c), or NULL */
	struct user **users;      /* open addressing by name */
	size_t nusers, capusers;
	int64_t newest;            /* newest event time seen */
	int64_t final_before;      /* days below this are final */
	struct irm_peers *peers;   /* user risk's peer counts (score_peers.c) */
	struct irm_owners *owners; /* OneDrive slugs (score_signal.c) */
	struct actmask *acts;      /* activity -> indicators (ACT_SLOTS) */
	size_t nacts;
	char ts[IRM_TIME_LEN];
};

/* One factor of an insight's score: the level (x 0, points) or a
 * booster (x). */
struct factor {
	const char *name;
	char detail[160];
	double x;      /* 0 for the level factor */
	double points; /* whole but for risk insights' decayed sums */
};

/* ------------------------------------------------------ score_engine.c */

/* Add a copy of s (NULL ignored), cut as irm_eng_cut_dup cuts it, to an
 * evidence list unless the list has it or holds EVID_MAX. */
void irm_eng_evid_add(struct irm_strv *l, const char *s);

/* A copy of s (owned by the caller); when s is longer than EVID_CUT bytes,
 * its first EVID_CUT - 8 bytes or fewer (cut at a UTF-8 character
 * boundary) followed by "...[cut]", so at most EVID_CUT bytes and cut again
 * unchanged: no hostile file name makes an insight line longer than the
 * next tool reads (irm-insight(5)). */
char *irm_eng_cut_dup(const char *s);

/* Append s to out as a JSON string, cut as irm_eng_cut_dup cuts it. */
void irm_eng_quote_cut(struct irm_buf *out, const char *s);

/* The evidence of a count, allocated when missing. */
struct evid *irm_eng_evid(struct evid **e);

/* The user called name; created when create is set, else NULL if none. */
struct user *irm_eng_user(struct irm_engine *g, const char *name, int create);

/* Every user, sorted by name (owned array of borrowed users). */
struct user **irm_eng_users_sorted(const struct irm_engine *g, size_t *n);

/*
 * The share of the user's counted events outside working hours over the
 * 30 days before day (after-hours logons aside), -1 without one; the
 * active days of those 30 go to *active.
 */
double irm_eng_own_after(const struct user *u, int64_t day, int *active);
/* The days of the 30 before day with an after-hours logon. */
int irm_eng_late_days(const struct user *u, int64_t day);

/* The user's own hours before day (a bit per local hour; score_risk.c)
 * and the active days of the 30 before that they were measured on. */
uint32_t irm_eng_own_hours(const struct user *u, int64_t day, int *active);

/* The same without the hours next to them: the hours the user worked. */
uint32_t irm_eng_worked_hours(const struct user *u, int64_t day, int *active);

/*
 * Did day d of the user move: the user's events that day in 5 hours or
 * more outside the own (over 3 active days or more of the 30 before) or,
 * when the settings name them, outside working hours?  A traveller works
 * in another zone's hours.  The after_hours multiplier is not for its
 * counts.  score_risk.c.
 */
int irm_eng_day_moved(
    const struct irm_settings *s, const struct user *u, const struct uday *d);
/* Is the user's count of the exfiltration indicator of act usual for the
 * user on day, or (shared set) a rise the department shares?  f gets the
 * usual_for_user factor. */
int irm_eng_usual_most(const struct user *u, const char *act, int64_t day);
int irm_eng_usual_act(struct irm_engine *g, const struct user *u,
    const char *act, int64_t day, int shared, struct factor *f);
/* Does a count of an indicator the catalogue marks for the engine count
 * on day (badge swipes after the last working day)?  1 for every other
 * one. */
int irm_eng_condition(const struct user *u, const struct iday *id, int64_t day);
/* Is the count ordinary mail with attachments to business recipients
 * only (none unallowed, no priority content)? */
int irm_eng_handover(const struct iday *id);
/* Is t an HR stressor (a review, a job change, an improvement plan) that
 * came after day?  It may explain what follows it, not what came before. */
int irm_eng_stressor_after(const struct trig *t, int64_t day);
double irm_eng_own_mean(
    const struct user *u, int idx, int64_t day, int *active);

/* The user's day, inserted in order when create is set, else NULL. */
struct uday *irm_eng_uday(struct user *u, int64_t day, int create);

/* The day's count of indicator idx, added in catalogue order. */
struct iday *irm_eng_iday(struct uday *d, int idx);

/* score_seen.c: add an id hash to the day's set; 0 when it was there
 * already. */
int irm_eng_seen_add(struct uday *d, uint64_t h);

/* The short id kept for an event whose id hashes (irm_fnv1a) to h: 32
 * bits, a few bytes per event in memory and in the state file. */
uint32_t irm_eng_short_id(uint64_t h);

/*
 * Add a short id to the day's kept ids: 1 when added, 0 when there
 * already, -1 when the day holds KEPT_MAX (the day is then full).  Does
 * the day keep k?
 */
int irm_eng_kept_add(struct uday *d, uint32_t k);
int irm_eng_kept_has(const struct uday *d, uint32_t k);

/*
 * Is day of user u in the scope of policy p: a covered user, and for a
 * policy with triggers a trigger whose window holds day (*t, the
 * earliest)?
 */
int irm_eng_in_scope(const struct irm_engine *g, const struct user *u,
    const struct irm_policy *p, int64_t day, const struct trig **t);
/* The earliest trigger of p's kinds but skip whose window covers day
 * and that is a reason for user risk (not a DLP match of business mail),
 * or NULL. */
const struct trig *irm_eng_risk_trigger(
    const struct user *u, const struct irm_policy *p, int64_t day, int skip);

/* Record trigger t of u; the final days it brings into a policy's scope
 * that were not scored for it are scored now (HR files come late). */
void irm_eng_add_trigger(struct irm_engine *g, struct user *u,
    const struct trig *t, struct irm_buf *out);
/* The triggers of a day that just became final (score_trig.c). */
void irm_eng_day_triggers(
    struct irm_engine *g, struct user *u, struct uday *d, struct irm_buf *out);

/*
 * Start the insight of policy p about user on day: the keys up to the irm
 * object's first, with an id made of the policy, user, day and key (the
 * indicator, "sequence" or "cumulative").  The day's timestamp goes to
 * daytext (IRM_TIME_LEN bytes).  Returns the severity of score.
 */
int irm_eng_insight_head(struct irm_buf *out, const struct irm_policy *p,
    const char *user, int64_t day, const char *key, int score, char *daytext);

/* More of an insight: a list of strings as a JSON array (NULL: empty),
 * the factors, and the trigger (nothing for NULL). */
void irm_eng_write_list(struct irm_buf *out, const struct irm_strv *l);
/* ",\"KEY\":[...]" of l into out (the evidence lists). */
void irm_eng_add_list(
    struct irm_buf *out, const char *key, const struct irm_strv *l);
void irm_eng_write_factors(struct irm_buf *out, const struct factor *f, int nf);
void irm_eng_write_trigger(struct irm_buf *out, const struct trig *t);

/* The score an insight of p needs: its alert.min_score shifted by the
 * settings' alert_volume, within 0 to 100. */
int irm_eng_min_score(const struct irm_engine *g, const struct irm_policy *p);
/* Does the product of the nf factors f reach the policy's min_score? */
int irm_eng_reaches(const struct irm_engine *g, const struct irm_policy *p,
    const struct factor *f, int nf);

/* The level (0 to 3) of a daily count n against pi's thresholds. */
int irm_eng_level(const struct irm_pol_ind *pi, uint32_t n);

/* ------------------------------------------------------ score_signal.c */
/*
 * A successful logon of u: remember its network, user agent and host,
 * and return IRM_EV_NEW_IP, IRM_EV_NEW_AGENT and IRM_EV_NEW_HOST for
 * those not used by u in the look-back, once u has SIGNIN_HISTORY days
 * of sign-ins.  A mail sent by u named by an account id: remember its
 * sender, IRM_EV_NEW_FROM when u has not sent from it in the look-back,
 * once u has SIGNIN_HISTORY days of sent mail.  0 for any other event.
 */
int irm_sig_event(
    struct irm_engine *g, struct user *u, const struct irm_ev *ev);
/* The sign-in memory in a state file's user line (",\"signin\":[...]",
 * nothing for NULL), and back from that array. */
void irm_sig_put(struct irm_buf *b, const struct irm_signin *m);
void irm_sig_get(struct user *u, struct json_object *a);
/* Add a user's name to the owners (NULL: only the directory, once). */
void irm_sig_owner_add(struct irm_engine *g, const char *name);
/* The known user whose OneDrive holds the item of ev (url.full names
 * /personal/SLUG/), or NULL. */
const char *irm_sig_owner(struct irm_engine *g, const struct irm_ev *ev);
void irm_sig_free(struct irm_engine *g);
/* --------------------------------------------------------- score_cum.c */

/* The user's last insight for policy pol of the kind risk (CUM_MARK_ALL:
 * cumulative, CUM_MARK_UNALLOWED: cumulative of the events to unallowed
 * domains, CUM_MARK_RISK: user risk), added when new. */
struct cum *irm_eng_cum_get(struct user *u, int pol, int risk);

/*
 * Cumulative exfiltration on a day that became final, for the n users
 * of v (sorted by name): insights appended to out.
 */
void irm_eng_cumulative(struct irm_engine *g, struct user **v, size_t n,
    int64_t day, struct irm_buf *out);

/* -------------------------------------------------------- score_risk.c */

/* Mark the counts of a day that just became final as new or a rise for
 * the user (before it is scored). */
void irm_risk_mark(struct irm_engine *g, const struct user *u, struct uday *d);

#define RISK_DAYS 30    /* user risk: parts counted over these days */
#define RISK_PEERS 20   /* fewer peers: the organization, or no comparison */
#define RISK_PEER_DIV 2 /* new: fewer than half of the peers had it */

/* How many of u's group (its department, or the organization when the
 * department has RISK_PEERS other active users or fewer), u included,
 * had a count of idx in the RISK_DAYS days to day; the group's active
 * users go to *npeers (score_peers.c). */
uint32_t irm_risk_peers_with(struct irm_engine *g, const struct user *u,
    int idx, int64_t day, uint32_t *npeers);
/* On the first days of u's history, did half of u's peers or more have
 * idx (score_peers.c)? */
int irm_risk_common(
    struct irm_engine *g, const struct user *u, int idx, int64_t day);

/* Free the peer counts of user risk (NULL ignored). */
void irm_risk_free(struct irm_peers *pc);

/* The user risk of u on final day d for every policy of the bit set pols
 * that has it and takes a trigger of types (all policies: ~0):
 * insights appended to out. */
void irm_risk_score(struct irm_engine *g, struct user *u, const struct uday *d,
    int types, uint64_t pols, struct irm_buf *out);

/* A late event of day changed the counts: the peers' counts kept of that
 * day and after are stale (score_peers.c). */
void irm_risk_peers_stale(struct irm_engine *g, int64_t day);
/* Does u share a rise of idx on day with its department?  rose and had
 * (NULL: not wanted) get the others of the department who rose and who
 * had idx (score_peers.c). */
int irm_risk_shared_rise(struct irm_engine *g, const struct user *u, int idx,
    int64_t day, uint32_t *rose, uint32_t *had);

/* An indicator insight's factors and score (score_engine.c). */
int irm_eng_factors(struct irm_engine *g, const struct user *u,
    const struct irm_policy *p, const struct uday *d, const struct iday *id,
    const struct trig *t, struct factor *f, int *score);

/* Downloads and syncs: collection, whose volume swings with the work. */
int irm_risk_collection(int idx);

/* --------------------------------------------------------- score_pop.c */

/*
 * The population of a partitioned run (irm(7) SCALE): every user's daily
 * count of each indicator, from the first pass of every partition.  A
 * figure that spans users takes its users from the engine (its own: those
 * it counts anything for) and from irm_pop_others (the rest), never from
 * the engine alone.
 */
struct irm_popcount {
	int64_t day;
	int idx; /* catalogue index */
	uint32_t n;
	uint32_t unal; /* of them involving an unallowed domain */
};

struct irm_popuser {
	char *name;
	struct irm_popcount *c; /* by day, then catalogue order */
	size_t n, cap;
};

struct irm_popstate;
void irm_pop_state_free(struct irm_popstate *ps);

/* First pass: an event of day was read (counted: and counted); a day of
 * u became final (its counts become rows). */
void irm_pop_event(struct irm_engine *g, int64_t day, int counted);
void irm_pop_final(
    struct irm_engine *g, const struct user *u, const struct uday *d);
/* Is this a first pass?  It only counts: its rows need no triggers,
 * scores, evidence or sequences, and it writes no insights. */
int irm_pop_first(const struct irm_engine *g);

/*
 * Second pass.  irm_pop_range widens the days advance() walks, [*lo,
 * *hi], to the days of cumulative exfiltration before `before' not yet
 * scored; irm_pop_last raises the last day to finish with to theirs.
 * irm_pop_cumulative_day says whether to score cumulative exfiltration on
 * day (1 or 0), or -1 without a population (then every day walked).
 */
void irm_pop_range(
    const struct irm_engine *g, int64_t before, int64_t *lo, int64_t *hi);
int64_t irm_pop_last(const struct irm_engine *g, int64_t last);
/* The first day from day on that the population scores cumulative
 * exfiltration (INT64_MAX: none); day itself without a population. */
int64_t irm_pop_next_day(const struct irm_engine *g, int64_t day);
int irm_pop_cumulative_day(struct irm_engine *g, int64_t day);

/* The population's users the engine does not count (owned array of
 * borrowed users; NULL and 0 without a population), and how many users
 * the population holds in all. */
size_t irm_pop_others(
    const struct irm_engine *g, const struct irm_popuser ***v);
size_t irm_pop_nusers(const struct irm_engine *g);

/*
 * One day's exfiltration events by channel (irm_indicator_channel): a
 * channel's indicators count an event once, so a channel counts the most
 * any of its indicators counted, not their sum (score_cum.c).  Start with
 * k = 0.
 */
#define IRM_CHANS 64
struct irm_chan_sum {
	int k, ch[IRM_CHANS];
	uint32_t n[IRM_CHANS], prio[IRM_CHANS], unal[IRM_CHANS];
};
void irm_chan_add(
    struct irm_chan_sum *c, int idx, uint32_t n, uint32_t prio, uint32_t unal);
/* Add the channels' counts to *total, *prio and *unal. */
void irm_chan_total(const struct irm_chan_sum *c, uint32_t *total,
    uint32_t *prio, uint32_t *unal);

/* A population user's exfiltration counted by p on the days from..to,
 * and in *unal those of its events that involved an unallowed domain. */
uint32_t irm_popuser_exfil(const struct irm_popuser *u,
    const struct irm_policy *p, int64_t from, int64_t to, uint32_t *unal);

/* --------------------------------------------------------- score_seq.c */

/*
 * Sequences: per user, the files that went through collection, then
 * exfiltration, optionally obfuscation between and clean-up after,
 * within 7 days of the collection, following renames.
 */
struct irm_seqset;

/*
 * Record ev's part in a sequence, if any; prio and unallowed say whether
 * the event touched priority content or an unallowed domain; exfil says
 * whether an exfiltration indicator matched it.
 */
void irm_seq_add(struct irm_seqset **ss, const struct irm_ev *ev, int prio,
    int unallowed, int exfil);
void irm_seqset_free(struct irm_seqset *ss);

/* The set as a JSON array into b, and back (for --state). */
void irm_seq_put(struct irm_buf *b, const struct irm_seqset *ss);
void irm_seq_get(struct irm_seqset **ss, struct json_object *arr);

/*
 * Score u's sequences whose 7-day window ended before day `before` (all
 * of them when flush is set) for every policy that scores sequences:
 * insights appended to out.
 */
void irm_seq_score(struct irm_engine *g, struct user *u, int64_t before,
    int flush, struct irm_buf *out);

/* ------------------------------------------------------- score_match.c */

/* ASCII case-blind: lower-case s in place; order a and b; are the n
 * bytes at a and b equal; the same order for qsort and bsearch over
 * arrays of char *. */
void irm_ci_lower(char *s);
int irm_ci_cmp(const char *a, const char *b);
int irm_ci_eq_n(const char *a, const char *b, size_t n);
int irm_ci_cmp_ptr(const void *a, const void *b);

/* u past "scheme://", when it starts with one. */
const char *irm_url_skip_scheme(const char *u);

/* Is an exclusion path pattern well formed?  NULL, or the problem. */
const char *irm_path_pattern_problem(const char *s);

#endif /* IRM_SCORE_INT_H */
