/*
 * score_engine.c - the judgement of irm-score: per-user daily counts of
 * each indicator, the triggers that bring a user into a policy's scope,
 * and, when a day becomes final, one scored insight per (policy, user,
 * day, indicator) that reaches its low threshold.  Cumulative
 * exfiltration (score_cum.c) and sequences (score_seq.c) are scored from
 * the same state, which score_state.c saves and loads.
 *
 * Memory is O(users x active days x matching indicators): events are
 * folded into counts as they arrive; only the first 20 ids, files and
 * targets of each count are kept as evidence, and the ids seen on days
 * still open (to count each event id once per user and day).  Days of
 * the look-back also keep a 32-bit short id of each event that an
 * indicator counted, at most KEPT_MAX a day, so that an event replayed
 * after its day is final is not counted again: O(users x look-back).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_json.h"
#include "irm_score.h"
#include "score_int.h"

/* ------------------------------------------------------------- helpers */

void
irm_eng_evid_add(struct irm_strv *l, const char *s)
{
	size_t i;

	char *c;

	if (s == NULL || l->n >= EVID_MAX)
		return;
	c = irm_eng_cut_dup(s);
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], c) == 0) {
			free(c);
			return;
		}
	irm_strv_add(l, c);
}

#define CUT_MARK "...[cut]"

char *
irm_eng_cut_dup(const char *s)
{
	size_t n = EVID_CUT - (sizeof(CUT_MARK) - 1);
	char *c;

	if (strnlen(s, EVID_CUT + 1) <= EVID_CUT)
		return irm_xstrdup(s);
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	c = irm_xmalloc(n + sizeof(CUT_MARK));
	memcpy(c, s, n);
	memcpy(c + n, CUT_MARK, sizeof(CUT_MARK));
	return c;
}

void
irm_eng_quote_cut(struct irm_buf *out, const char *s)
{
	char *c;

	if (s == NULL || strnlen(s, EVID_CUT + 1) <= EVID_CUT) {
		irm_json_quote(out, s);
		return;
	}
	c = irm_eng_cut_dup(s);
	irm_json_quote(out, c);
	free(c);
}

static void
evid_list_free(struct irm_strv *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free((char *)l->v[i]);
	free(l->v);
}

static void
evid_free(struct evid **e)
{
	if (*e == NULL)
		return;
	evid_list_free(&(*e)->ids);
	evid_list_free(&(*e)->files);
	evid_list_free(&(*e)->targets);
	free(*e);
	*e = NULL;
}

struct evid *
irm_eng_evid(struct evid **e)
{
	if (*e == NULL)
		*e = irm_xcalloc(1, sizeof(**e));
	return *e;
}

static int64_t
day_of(int64_t ms)
{
	return ms >= 0 ? ms / DAY_MS : -((-ms + DAY_MS - 1) / DAY_MS);
}

/* The day of an RFC 3339 value in an event, or fallback. */
static int64_t
day_of_text(const char *s, int64_t fallback)
{
	int flags = IRM_TIME_UTC;
	int64_t ms;

	if (s == NULL || irm_time_parse(s, strlen(s), &flags, &ms, NULL) == -1)
		return fallback;
	return day_of(ms);
}

/* ---------------------------------------------------------------- users */

struct user *
irm_eng_user(struct irm_engine *g, const char *name, int create)
{
	size_t i, mask;
	struct user **old;
	size_t oldcap, j;

	if (g->capusers == 0 || (create && g->nusers * 2 >= g->capusers)) {
		old = g->users;
		oldcap = g->capusers;
		g->capusers = oldcap ? oldcap * 2 : 1024;
		g->users = irm_xcalloc(g->capusers, sizeof(*g->users));
		for (j = 0; j < oldcap; j++) {
			if (old[j] == NULL)
				continue;
			mask = g->capusers - 1;
			for (i = irm_fnv1a(old[j]->name) & mask; g->users[i];
			     i = (i + 1) & mask)
				;
			g->users[i] = old[j];
		}
		free(old);
	}
	mask = g->capusers - 1;
	for (i = irm_fnv1a(name) & mask; g->users[i]; i = (i + 1) & mask)
		if (strcmp(g->users[i]->name, name) == 0)
			return g->users[i];
	if (!create)
		return NULL;
	g->users[i] = irm_xcalloc(1, sizeof(struct user));
	g->users[i]->name = irm_xstrdup(name);
	g->nusers++;
	irm_sig_owner_add(g, g->users[i]->name);
	return g->users[i];
}

static int
cmp_user(const void *a, const void *b)
{
	return strcmp(
	    (*(struct user *const *)a)->name, (*(struct user *const *)b)->name);
}

/* Every user, sorted by name (owned array). */
struct user **
irm_eng_users_sorted(const struct irm_engine *g, size_t *n)
{
	struct user **v = irm_xcalloc(g->nusers + 1, sizeof(*v));
	size_t i, k = 0;

	for (i = 0; i < g->capusers; i++)
		if (g->users[i])
			v[k++] = g->users[i];
	qsort(v, k, sizeof(*v), cmp_user);
	*n = k;
	return v;
}

struct uday *
irm_eng_uday(struct user *u, int64_t day, int create)
{
	int lo = 0, hi = u->ndays, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (u->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < u->ndays && u->days[lo].day == day)
		return &u->days[lo];
	if (!create)
		return NULL;
	if (u->ndays == u->capdays) {
		u->capdays = u->capdays ? u->capdays * 2 : 8;
		u->days = irm_xrealloc(
		    u->days, (size_t)u->capdays * sizeof(*u->days));
	}
	memmove(&u->days[lo + 1], &u->days[lo],
	    (size_t)(u->ndays - lo) * sizeof(*u->days));
	u->ndays++;
	memset(&u->days[lo], 0, sizeof(u->days[lo]));
	u->days[lo].day = day;
	return &u->days[lo];
}

/* The day's count of indicator idx; kept in catalogue order. */
struct iday *
irm_eng_iday(struct uday *d, int idx)
{
	int i;

	for (i = 0; i < d->nind && d->ind[i].idx <= idx; i++)
		if (d->ind[i].idx == idx)
			return &d->ind[i];
	d->ind = irm_xrealloc(d->ind, (size_t)(d->nind + 1) * sizeof(*d->ind));
	memmove(&d->ind[i + 1], &d->ind[i],
	    (size_t)(d->nind - i) * sizeof(*d->ind));
	memset(&d->ind[i], 0, sizeof(d->ind[0]));
	d->ind[i].idx = idx;
	d->nind++;
	return &d->ind[i];
}

static void
uday_free(struct uday *d)
{
	int i;

	for (i = 0; i < d->nind; i++) {
		evid_free(&d->ind[i].ev);
	}
	free(d->ind);
	free(d->em);
	free(d->seen);
	free(d->kept);
}

/* -------------------------------------------------------------- scoring */

int
irm_eng_level(const struct irm_pol_ind *pi, uint32_t n)
{
	int lv = 0;

	while (lv < 3 && n >= (uint32_t)pi->thresholds[lv])
		lv++;
	return lv;
}

int
irm_eng_min_score(const struct irm_engine *g, const struct irm_policy *p)
{
	int m = p->min_score + g->o.settings->volume_shift;

	return m < 0 ? 0 : m > 100 ? 100 : m;
}

/*
 * The product itself, before it is rounded for the record, is held to
 * min_score: 45 x 1.5 x 0.5 = 33.75 is under 34, though written it
 * would read 34 (a sequence of downloads, prints and a delete through a
 * channel usual for the user, with priority content: a medium alert of
 * a user without a scenario on irm-gen -u 1000 -d 60 -s 3 and on two
 * tenants of 200 users).
 */
int
irm_eng_reaches(const struct irm_engine *g, const struct irm_policy *p,
    const struct factor *f, int nf)
{
	double v = f[0].points;
	int i;

	for (i = 1; i < nf; i++)
		v *= f[i].x;
	return fmin(100, v) >= irm_eng_min_score(g, p);
}

static void
emit(struct irm_engine *g, const struct user *u, const struct irm_policy *p,
    const struct uday *d, const struct iday *id, const struct trig *t, int rev,
    struct irm_buf *out)
{
	struct factor f[9];
	char day[IRM_TIME_LEN];
	int score, nf = irm_eng_factors(g, u, p, d, id, t, f, &score);
	int sev = irm_eng_insight_head(
	    out, p, u->name, d->day, irm_indicators[id->idx].name, score, day);

	irm_buf_printf(out,
	    "},\"irm\":{\"insight\":\"indicator\","
	    "\"indicator\":\"%s\",\"day\":\"%.10s\",\"count\":%u,\"score\":%d,"
	    "\"severity\":\"%s\",\"revision\":%d",
	    irm_indicators[id->idx].name, day, id->n, score,
	    irm_severity_name(sev), rev);
	irm_eng_write_factors(out, f, nf);
	irm_eng_write_trigger(out, t);
	irm_buf_printf(out, ",\"evidence\":{\"count\":%u", id->n);
	irm_eng_add_list(out, "ids", id->ev ? &id->ev->ids : NULL);
	irm_eng_add_list(out, "files", id->ev ? &id->ev->files : NULL);
	irm_eng_add_list(out, "targets", id->ev ? &id->ev->targets : NULL);
	irm_buf_adds(out, "}}}\n");
}

static struct emitted *
emitted_find(struct uday *d, int pol, int idx)
{
	int i;

	for (i = 0; i < d->nem; i++)
		if (d->em[i].pol == pol && d->em[i].idx == idx)
			return &d->em[i];
	return NULL;
}

/*
 * Indicators the catalogue marks for the engine: badge_after_termination
 * counts badge swipes on days after a resignation's last working day; on
 * the day right after it, only when a swipe was in working hours (a
 * leaver who works late on the last day leaves the building after
 * midnight).  It is decided when the day is scored, so an HR file that
 * arrives late still qualifies the swipes before it.
 */
int
irm_eng_condition(const struct user *u, const struct iday *id, int64_t day)
{
	int i;

	if (!irm_indicators[id->idx].engine ||
	    strcmp(irm_indicators[id->idx].name, "badge_after_termination") !=
	        0)
		return 1;
	for (i = 0; i < u->ntrig; i++)
		if (u->trig[i].type == IRM_TRIG_RESIGNATION &&
		    (day > u->trig[i].to + 1 ||
		        (day == u->trig[i].to + 1 && id->n > id->after)))
			return 1;
	return 0;
}

/*
 * Score a final day for one policy: an insight per indicator at or above
 * its low threshold.  A day scored before is scored again only for counts
 * that changed since (late events): the insight keeps its id and its
 * revision goes up.
 */
static void
score_day(struct irm_engine *g, struct user *u, int pol, struct uday *d,
    struct irm_buf *out)
{
	const struct irm_policy *p = &g->o.policies[pol];
	const struct trig *t;
	struct emitted *em;
	struct factor f[9];
	int i, nf, score;

	if (!irm_eng_in_scope(g, u, p, d->day, &t))
		return;
	d->scored |= 1ULL << pol;
	for (i = 0; i < d->nind; i++) {
		struct iday *id = &d->ind[i];

		if (!p->ind[id->idx].enabled ||
		    irm_eng_level(&p->ind[id->idx], id->n) == 0 ||
		    !irm_eng_condition(u, id, d->day))
			continue;
		if (p->priority_only == 1 && id->prio == 0)
			continue;
		nf = irm_eng_factors(g, u, p, d, id, t, f, &score);
		if (!irm_eng_reaches(g, p, f, nf))
			continue;
		em = emitted_find(d, pol, id->idx);
		if (em && em->n == id->n)
			continue;
		if (em == NULL) {
			d->em = irm_xrealloc(
			    d->em, (size_t)(d->nem + 1) * sizeof(*d->em));
			em = &d->em[d->nem++];
			*em = (struct emitted){
			    (uint16_t)pol, (uint16_t)id->idx, 0, id->n};
		} else {
			em->rev++;
			em->n = id->n;
		}
		emit(g, u, p, d, id, t, em->rev, out);
	}
}

/* ------------------------------------------------------------ triggers */

/* The days a trigger brings into a policy's scope. */
static void
trig_window(const struct trig *t, const struct irm_policy *p, int64_t *from,
    int64_t *to)
{
	if (t->exact) {
		*from = t->from;
		*to = t->to;
		return;
	}
	*from = t->from - p->before_days;
	*to = t->to + p->after_days;
}

/* The earliest trigger of p's kinds but skip (0: none) whose window covers
 * day, or NULL; with risk, not a DLP match of business mail. */
static const struct trig *
covering(const struct user *u, const struct irm_policy *p, int64_t day,
    int skip, int risk)
{
	const struct trig *best = NULL;
	int64_t from, to;
	int i;

	for (i = 0; i < u->ntrig; i++) {
		if (!(u->trig[i].type & p->triggers & ~skip) ||
		    (risk && u->trig[i].business))
			continue;
		trig_window(&u->trig[i], p, &from, &to);
		if (day < from || day > to)
			continue;
		if (best == NULL || u->trig[i].ts < best->ts)
			best = &u->trig[i];
	}
	return best;
}

int
irm_eng_in_scope(const struct irm_engine *g, const struct user *u,
    const struct irm_policy *p, int64_t day, const struct trig **t)
{
	*t = NULL;
	if (!irm_policy_covers(p, u->name))
		return 0;
	if (p->priority_users_only &&
	    !irm_priority_user(g->o.settings, u->name))
		return 0;
	if (p->triggers == 0)
		return 1;
	*t = covering(u, p, day, 0, 0);
	return *t != NULL;
}

const struct trig *
irm_eng_risk_trigger(
    const struct user *u, const struct irm_policy *p, int64_t day, int skip)
{
	return covering(u, p, day, skip, 1);
}

static int
same_trig(const struct trig *a, const struct trig *b)
{
	return a->type == b->type && a->from == b->from && a->to == b->to &&
	    a->exact == b->exact;
}

/*
 * Score final days a new trigger of type brought into a policy's scope.
 * An event that comes after the days it is about (an HR file, a deleted
 * account, a CERT leaver's next LDAP snapshot) also gets the user risk
 * as of each of those days, in order, and as of the last final day:
 * without it a leaver with no day after the trigger never had one, and
 * a leaver whose account is deleted ten days after the last file taken
 * had one of parts decayed to half (irm-gen -u 200 -d 60 -s 41 without
 * HR rows).  Exfiltration and risky-user signals are the day's own
 * counts; finalize scores their risk.
 */
static void
rescore(struct irm_engine *g, struct user *u, int type, struct irm_buf *out)
{
	const struct uday *last = NULL;
	uint64_t was;
	size_t pol;
	int i, risk = !(type & (IRM_TRIG_EXFIL | IRM_TRIG_RISKY_SIGNAL));

	for (i = 0; i < u->ndays; i++) {
		struct uday *d = &u->days[i];

		if (!d->final)
			continue;
		if (last == NULL || d->day > last->day)
			last = d;
		was = d->scored;
		for (pol = 0; pol < g->o.npolicies; pol++)
			if (!(d->scored & (1ULL << pol)) &&
			    (g->o.policies[pol].triggers & type))
				score_day(g, u, (int)pol, d, out);
		if (risk && d->scored != was)
			irm_risk_score(g, u, d, type, d->scored & ~was, out);
	}
	if (last && risk)
		irm_risk_score(g, u, last, type, ~0ULL, out);
}

/*
 * Record a trigger; final days it brings into scope that were not scored
 * for a policy are scored now (HR files come late).
 */
void
irm_eng_add_trigger(struct irm_engine *g, struct user *u, const struct trig *t,
    struct irm_buf *out)
{
	int i;

	for (i = 0; i < u->ntrig; i++) {
		if (same_trig(&u->trig[i], t)) {
			if (t->ts < u->trig[i].ts)
				u->trig[i].ts = t->ts;
			u->trig[i].business &= t->business;
			return;
		}
		/* Exfiltration (or risky-user signals) on consecutive
		 * days is one trigger: one window, and memory that does
		 * not grow day by day. */
		if ((t->type == IRM_TRIG_EXFIL ||
		        t->type == IRM_TRIG_RISKY_SIGNAL) &&
		    u->trig[i].type == t->type &&
		    u->trig[i].to + 1 == t->from) {
			u->trig[i].to = t->to;
			rescore(g, u, t->type, out);
			return;
		}
		/* Job search goes on, with days between. */
		if (t->type == IRM_TRIG_JOB_SEARCH &&
		    u->trig[i].type == t->type && u->trig[i].to >= t->from) {
			if (t->from < u->trig[i].from)
				u->trig[i].from = t->from;
			if (t->to > u->trig[i].to)
				u->trig[i].to = t->to;
			rescore(g, u, t->type, out);
			return;
		}
	}
	u->trig =
	    irm_xrealloc(u->trig, (size_t)(u->ntrig + 1) * sizeof(*u->trig));
	u->trig[u->ntrig++] = *t;
	rescore(g, u, t->type, out);
}

static int
is(const char *a, const char *b)
{
	return a && strcmp(a, b) == 0;
}

/* The trigger an event is, if any; its user may be the target. */
static int
event_trigger(const struct irm_engine *g, const struct irm_ev *ev,
    struct trig *t, const char **user)
{
	const struct irm_settings *s = g->o.settings;
	const char *a = ev->activity;

	*t = (struct trig){0, ev->day, ev->day, ev->ts, 0, 0};
	*user = ev->user;
	if (is(a, "hr_resignation")) {
		t->type = IRM_TRIG_RESIGNATION;
		t->from = day_of_text(ev->hr_resignation_date, ev->day);
		t->to = day_of_text(ev->hr_last_working_date, t->from);
		if (t->to < t->from)
			t->to = t->from;
	} else if (is(a, "hr_review") && irm_hr_poor_rating(s, ev->hr_rating))
		t->type = IRM_TRIG_REVIEW;
	else if (is(a, "hr_job_change") &&
	    irm_hr_demotion(s, ev->hr_old_level, ev->hr_new_level))
		t->type = IRM_TRIG_JOB_CHANGE;
	else if (is(a, "hr_pip"))
		t->type = IRM_TRIG_PIP;
	else if (is(a, "account_deleted") && ev->target_user) {
		t->type = IRM_TRIG_DELETED;
		*user = ev->target_user;
	} else if (irm_dlp_high(ev)) {
		t->type = IRM_TRIG_DLP;
		t->business = irm_ev_business_mail(s, ev);
	} else if (is(a, "security_alert"))
		t->type = IRM_TRIG_ALERT;
	else if (is(a, "custom"))
		t->type = IRM_TRIG_CUSTOM;
	return t->type != 0;
}

/* ------------------------------------------------------- final days */

/* Score every policy for a day that just became final (or was final). */
static void
score_all(
    struct irm_engine *g, struct user *u, struct uday *d, struct irm_buf *out)
{
	size_t pol;

	for (pol = 0; pol < g->o.npolicies; pol++)
		score_day(g, u, (int)pol, d, out);
}

/*
 * Evidence is kept only where an insight may need it: a count below the
 * lowest low threshold any policy sets for its indicator can never be
 * scored, so a final day forgets its ids, files and targets (memory then
 * grows with users and days, not with events).
 */
static void
drop_evidence(const struct irm_engine *g, struct uday *d)
{
	size_t pol;
	int i, low;

	for (i = 0; i < d->nind; i++) {
		struct iday *id = &d->ind[i];

		low = INT32_MAX;
		for (pol = 0; pol < g->o.npolicies; pol++) {
			const struct irm_pol_ind *pi =
			    &g->o.policies[pol].ind[id->idx];

			if (pi->enabled && pi->thresholds[0] < low)
				low = pi->thresholds[0];
		}
		if (id->n >= (uint32_t)low)
			continue;
		evid_free(&id->ev);
	}
}

static void
finalize(
    struct irm_engine *g, struct user *u, struct uday *d, struct irm_buf *out)
{
	d->final = 1;
	free(d->seen);
	d->seen = NULL;
	d->nseen = d->capseen = 0;
	irm_pop_final(g, u, d);
	if (irm_pop_first(g))
		return;
	/* Before the triggers: a trigger scores the day at once. */
	irm_risk_mark(g, u, d);
	irm_eng_day_triggers(g, u, d, out);
	score_all(g, u, d, out);
	irm_risk_score(g, u, d, ~0, ~0ULL, out);
	drop_evidence(g, d);
}

/* Forget days older than the look-back. */
static void
prune(struct irm_engine *g, struct user *u)
{
	int64_t oldest = g->final_before - g->o.lookback_days;
	int k = 0, i;

	while (k < u->ndays && u->days[k].day < oldest && u->days[k].final)
		k++;
	if (k == 0)
		return;
	for (i = 0; i < k; i++)
		uday_free(&u->days[i]);
	memmove(
	    u->days, u->days + k, (size_t)(u->ndays - k) * sizeof(*u->days));
	u->ndays -= k;
}

static int
cmp_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Days before `before` become final: in day order, users by name. */
static void
advance(struct irm_engine *g, int64_t before, int flush, struct irm_buf *out)
{
	struct user **v;
	int64_t day, next, first = INT64_MAX, last = INT64_MIN, *pend = NULL;
	size_t n, i, np = 0, capp = 0, k = 0;
	int j, first_pass = irm_pop_first(g);

	if (before <= g->final_before && !flush)
		return;
	v = irm_eng_users_sorted(g, &n);
	for (i = 0; i < n; i++)
		for (j = 0; j < v[i]->ndays; j++) {
			if (v[i]->days[j].final)
				continue;
			if (np == capp) {
				capp = capp ? capp * 2 : 64;
				pend = irm_xrealloc(pend, capp * sizeof(*pend));
			}
			pend[np++] = v[i]->days[j].day;
			if (v[i]->days[j].day < first)
				first = v[i]->days[j].day;
			if (v[i]->days[j].day > last)
				last = v[i]->days[j].day;
		}
	if (np)
		qsort(pend, np, sizeof(*pend), cmp_day);
	irm_pop_range(g, before, &first, &last);
	for (day = first; day < before && day <= last; day++) {
		/* With a population, only the days held and the days of
		 * cumulative exfiltration, however far apart (a tampered
		 * population file must not make millions of days). */
		next = irm_pop_next_day(g, day);
		while (k < np && pend[k] < day)
			k++;
		if (k < np && pend[k] < next)
			next = pend[k];
		if (next > day && ((day = next) >= before || day > last))
			break;
		for (i = 0; i < n; i++) {
			struct uday *d = irm_eng_uday(v[i], day, 0);

			if (d && !d->final)
				finalize(g, v[i], d, out);
		}
		if (!first_pass && irm_pop_cumulative_day(g, day) != 0)
			irm_eng_cumulative(g, v, n, day, out);
	}
	free(pend);
	g->final_before = before;
	for (i = 0; i < n; i++) {
		if (!first_pass)
			irm_seq_score(g, v[i], before, flush, out);
		prune(g, v[i]);
	}
	free(v);
}

/* ----------------------------------------------------------- counting */

/* Lower-cased copy of an identity for lookups (ASCII, trimmed). */
static void
lower_id(const char *s, char *out, size_t n)
{
	size_t i = 0;

	while (*s == ' ')
		s++;
	for (; *s && i + 1 < n; s++, i++)
		out[i] = (*s >= 'A' && *s <= 'Z') ? *s + 32 : *s;
	while (i && out[i - 1] == ' ')
		i--;
	out[i] = '\0';
}

static void
evidence(struct iday *id, const struct irm_ev *ev)
{
	size_t i;

	struct evid *e = irm_eng_evid(&id->ev);

	if (irm_indicators[id->idx].distinct)
		irm_eng_evid_add(&e->targets, ev->target_user);

	irm_eng_evid_add(&e->ids, ev->id);
	irm_eng_evid_add(&e->files, ev->file_name);
	irm_eng_evid_add(&e->targets, ev->dest_domain);
	irm_eng_evid_add(&e->targets, ev->share_target);
	for (i = 0; i < ev->email_to.n; i++)
		irm_eng_evid_add(&e->targets, ev->email_to.v[i]);
}

/*
 * Was ev's target counted already by indicator idx on day d?  The first
 * EVID_MAX targets are known (the evidence); past them every event
 * counts.
 */
static int
counted_target(const struct uday *d, int idx, const struct irm_ev *ev)
{
	const struct iday *id = NULL;
	char *c;
	size_t k;
	int i, found = 0;

	for (i = 0; i < d->nind && id == NULL; i++)
		if (d->ind[i].idx == idx)
			id = &d->ind[i];
	if (id == NULL || id->ev == NULL || ev->target_user == NULL)
		return 0;
	c = irm_eng_cut_dup(ev->target_user);
	for (k = 0; k < id->ev->targets.n && !found; k++)
		found = strcmp(id->ev->targets.v[k], c) == 0;
	free(c);
	return found;
}

/* Distinct activities remembered with their indicators; past half of
 * them, every indicator is tried (irm-norm has about a hundred). */
#define ACT_SLOTS 512

struct actmask {
	char *name;
	uint64_t mask; /* bit i: indicator i lists the activity */
};

/* Does the space-separated list name activity a? */
static int
listed(const char *list, const char *a)
{
	size_t n = strlen(a);

	for (const char *p = list; (p = strstr(p, a)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

/*
 * The indicators whose catalogue activities name activity a, as bits:
 * every predicate first asks for one of its activities, so the others
 * need not be called (a third of irm-score's time went to them).
 */
static uint64_t
act_mask(struct irm_engine *g, const char *a)
{
	struct actmask *e;
	size_t i;

	if (g->acts == NULL)
		g->acts = irm_xcalloc(ACT_SLOTS, sizeof(*g->acts));
	for (i = irm_fnv1a(a) & (ACT_SLOTS - 1); g->acts[i].name;
	     i = (i + 1) & (ACT_SLOTS - 1))
		if (strcmp(g->acts[i].name, a) == 0)
			return g->acts[i].mask;
	if (g->nacts * 2 >= ACT_SLOTS)
		return UINT64_MAX;
	e = &g->acts[i];
	e->name = irm_xstrdup(a);
	g->nacts++;
	for (i = 0; i < irm_nindicators && i < 64; i++)
		if (listed(irm_indicators[i].activities, a))
			e->mask |= (uint64_t)1 << i;
	return e->mask;
}

/* Count ev on day d of u; 1 when an indicator matched it, else 0. */
static int
count(struct irm_engine *g, struct user *u, struct uday *d,
    const struct irm_ev *ev)
{
	const struct irm_settings *s = g->o.settings;
	int prio = -1, unall = -1, after = -1, exfil = 0, matched = 0;
	uint64_t m = act_mask(g, ev->activity);
	uint32_t hour = (uint32_t)1 << irm_local_hour(s, ev->ts);
	size_t i;

	d->hours |= hour;

	for (i = 0; i < irm_nindicators; i++) {
		struct iday *id;

		if ((i < 64 && !(m >> i & 1)) ||
		    !irm_indicators[i].match(s, ev) ||
		    (irm_indicators[i].distinct &&
		        counted_target(d, (int)i, ev)))
			continue;
		if (prio < 0) {
			prio = irm_priority_content(s, ev);
			unall = irm_ev_unallowed(s, ev);
			after = irm_after_hours(s, ev->ts);
		}
		exfil |= irm_indicators[i].exfiltration;
		matched = 1;
		id = irm_eng_iday(d, (int)i);
		id->n++;
		id->prio += prio;
		id->unallowed += unall;
		id->after += after;
		id->hours |= hour;
		evidence(id, ev); /* distinct indicators count by it */
	}
	if (ev->file_name != NULL && !irm_pop_first(g)) {
		if (prio < 0)
			prio = irm_priority_content(s, ev);
		irm_seq_add(&u->seq, ev, prio, unall > 0, exfil);
	}
	return matched;
}

int
irm_engine_add(
    struct irm_engine *g, const struct irm_ev *in, struct irm_buf *out)
{
	char name[512];
	const char *tu, *owner = NULL;
	struct irm_ev copy = *in;
	const struct irm_ev *ev = &copy;
	struct user *u;
	struct uday *d;
	struct trig t;
	uint64_t h;

	irm_engine_tick(g, ev->ts, out);
	irm_pop_event(g, ev->day, 0);
	if (!irm_pop_first(g) && event_trigger(g, ev, &t, &tu)) {
		lower_id(tu, name, sizeof(name));
		irm_eng_add_trigger(g, irm_eng_user(g, name, 1), &t, out);
	}
	if (irm_excluded(g->o.settings, ev))
		return 0;
	if (ev->day < g->final_before - g->o.lookback_days)
		return 1;
	/* An anonymous access counts for the item's owner when known. */
	if (is(ev->activity, "anonymous_link_used") &&
	    (owner = irm_sig_owner(g, ev)) != NULL)
		copy.signal |= IRM_EV_OWNER;
	lower_id(owner ? owner : ev->user, name, sizeof(name));
	u = irm_eng_user(g, name, 1);
	d = irm_eng_uday(u, ev->day, 1);
	h = irm_fnv1a(ev->id);
	if (d->final || ev->day < g->final_before) {
		/*
		 * A late event: counted, and the day scored again, unless
		 * the day counted it already (a replay) or counted more
		 * events than it keeps ids of (it cannot tell).
		 */
		if (irm_eng_kept_has(d, irm_eng_short_id(h)) || d->full)
			return 2;
		copy.signal |= irm_sig_event(g, u, ev);
		if (count(g, u, d, ev)) {
			irm_eng_kept_add(d, irm_eng_short_id(h));
			irm_risk_peers_stale(g, ev->day);
		}
		d->final = 1;
		if (irm_pop_first(g))
			return 1;
		irm_eng_day_triggers(g, u, d, out);
		score_all(g, u, d, out);
		return 1;
	}
	irm_pop_event(g, ev->day, 1);
	if (!irm_eng_seen_add(d, h))
		return 0;
	copy.signal |= irm_sig_event(g, u, ev);
	if (count(g, u, d, ev))
		irm_eng_kept_add(d, irm_eng_short_id(h));
	return 0;
}

void
irm_engine_tick(struct irm_engine *g, int64_t now, struct irm_buf *out)
{
	if (now <= g->newest)
		return;
	g->newest = now;
	advance(g, day_of(now) - g->o.lag_days, 0, out);
}

void
irm_engine_start_scoring(struct irm_engine *g, const char *user, int64_t day,
    int days, struct irm_buf *out)
{
	struct trig t = {
	    IRM_TRIG_MANUAL, day, day + days - 1, day * DAY_MS, 1, 0};
	char name[512];

	lower_id(user, name, sizeof(name));
	irm_eng_add_trigger(g, irm_eng_user(g, name, 1), &t, out);
}

void
irm_engine_finish(struct irm_engine *g, struct irm_buf *out)
{
	int64_t last = INT64_MIN;
	size_t i;
	int j;

	for (i = 0; i < g->capusers; i++)
		for (j = 0; g->users[i] && j < g->users[i]->ndays; j++)
			if (g->users[i]->days[j].day > last)
				last = g->users[i]->days[j].day;
	last = irm_pop_last(g, last);
	advance(g,
	    last != INT64_MIN && last + 1 > g->final_before ? last + 1
	                                                    : g->final_before,
	    1, out);
}

struct irm_engine *
irm_engine_new(const struct irm_engine_opts *o)
{
	struct irm_engine *g = irm_xcalloc(1, sizeof(*g));

	g->o = *o;
	g->newest = INT64_MIN;
	g->final_before = INT64_MIN / 2;
	return g;
}

static void
user_free(struct user *u)
{
	int i;

	for (i = 0; i < u->ndays; i++)
		uday_free(&u->days[i]);
	free(u->days);
	free(u->trig);
	free(u->cum);
	irm_seqset_free(u->seq);
	free(u->signin);
	free(u->name);
	free(u);
}

void
irm_engine_free(struct irm_engine *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->capusers; i++)
		if (g->users[i])
			user_free(g->users[i]);
	free(g->users);
	irm_pop_state_free(g->pop);
	irm_risk_free(g->peers);
	irm_sig_free(g);
	for (i = 0; g->acts && i < ACT_SLOTS; i++)
		free(g->acts[i].name);
	free(g->acts);
	free(g);
}

/* ---------------------------------------------------------------- stats */

void
irm_engine_stats(const struct irm_engine *g, FILE *fp)
{
	struct user **v;
	size_t n, i, pol, k;
	int j, x, lv;

	v = irm_eng_users_sorted(g, &n);
	fprintf(fp, "policy\tindicator\tlevel\tusers\tuser_days\n");
	for (pol = 0; pol < g->o.npolicies; pol++) {
		const struct irm_policy *p = &g->o.policies[pol];

		for (k = 0; k < irm_nindicators; k++) {
			unsigned users[4] = {0}, udays[4] = {0};

			if (!p->ind[k].enabled)
				continue;
			for (i = 0; i < n; i++) {
				int best = 0;

				for (j = 0; j < v[i]->ndays; j++)
					for (x = 0; x < v[i]->days[j].nind;
					     x++) {
						const struct iday *id =
						    &v[i]->days[j].ind[x];

						if (id->idx != (int)k)
							continue;
						lv = irm_eng_level(
						    &p->ind[k], id->n);
						udays[lv]++;
						if (lv > best)
							best = lv;
					}
				users[best]++;
			}
			/* Reaching a level counts for the lower ones too. */
			for (lv = 2; lv >= 1; lv--) {
				users[lv] += users[lv + 1];
				udays[lv] += udays[lv + 1];
			}
			for (lv = 1; lv <= 3; lv++)
				fprintf(fp, "%s\t%s\t%s\t%u\t%u\n", p->name,
				    irm_indicators[k].name,
				    irm_severity_name(lv), users[lv],
				    udays[lv]);
		}
	}
	free(v);
}
