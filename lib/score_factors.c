/*
 * score_factors.c - an indicator insight's factors: the level's points,
 * the multipliers (priority content, unallowed domain, unusual activity,
 * the user's own usual count, priority user, previous violation, after
 * hours) and the corroboration that halves a count with nothing else
 * pointing the same way (irm-score(1) SCORING, Indicator insights).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_score.h"
#include "score_int.h"

/* Was a case of user resolved as a confirmed violation before day? */
static int
previous_violation(const struct irm_engine *g, const char *user, int64_t day)
{
	size_t lo = 0, hi = g->o.nviolations, mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(g->o.violations[mid].user, user);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < g->o.nviolations &&
	     strcmp(g->o.violations[lo].user, user) == 0;
	     lo++)
		if (g->o.violations[lo].day < day)
			return 1;
	return 0;
}

/* The mean daily count of idx over the 30 days before day. */
static double
mean30(const struct user *u, int idx, int64_t day)
{
	double sum = 0;
	int i, j;

	for (i = 0; i < u->ndays; i++) {
		if (u->days[i].day < day - 30 || u->days[i].day >= day)
			continue;
		for (j = 0; j < u->days[i].nind; j++)
			if (u->days[i].ind[j].idx == idx)
				sum += u->days[i].ind[j].n;
	}
	return sum / 30.0;
}

/* Days with an unusual count make a pattern from this many on (with the
 * day's own), within REPEAT_SPAN days to the day. */
#define REPEAT_DAYS 3
#define REPEAT_SPAN 14

/* On how many days of the REPEAT_SPAN before day the user's count of
 * idx was at least bar. */
static int
days_at_least(const struct user *u, int idx, int64_t day, double bar)
{
	int i, j, n = 0;

	for (i = 0; i < u->ndays; i++) {
		if (u->days[i].day < day - REPEAT_SPAN || u->days[i].day >= day)
			continue;
		for (j = 0; j < u->days[i].nind; j++)
			if (u->days[i].ind[j].idx == idx &&
			    u->days[i].ind[j].n >= bar)
				n++;
	}
	return n;
}

/*
 * The user's own daily mean of idx over the active days (days with any
 * event of the user) of the 30 days before day; *active gets their
 * number.
 */
double
irm_eng_own_mean(const struct user *u, int idx, int64_t day, int *active)
{
	double sum = 0;
	int i, j;

	*active = 0;
	for (i = 0; i < u->ndays; i++) {
		if (u->days[i].day < day - 30 || u->days[i].day >= day)
			continue;
		++*active;
		for (j = 0; j < u->days[i].nind; j++)
			if (u->days[i].ind[j].idx == idx)
				sum += u->days[i].ind[j].n;
	}
	return *active ? sum / *active : 0;
}

/* On how many of the active days of the 30 before day the user had idx,
 * and its count over them in *sum (its condition met: swipes before the
 * last working day are no badge after termination). */
static int
own_days(const struct user *u, int idx, int64_t day, double *sum)
{
	int i, j, n = 0;

	*sum = 0;
	for (i = 0; i < u->ndays; i++) {
		const struct uday *x = &u->days[i];

		if (x->day < day - 30 || x->day >= day)
			continue;
		for (j = 0; j < x->nind; j++)
			if (x->ind[j].idx == idx &&
			    irm_eng_condition(u, &x->ind[j], x->day)) {
				n++;
				*sum += x->ind[j].n;
			}
	}
	return n;
}

/*
 * The share of the user's counted events outside working hours over the
 * 30 days before day, every indicator together but after-hours logons
 * (after hours by definition: a weekend logon would make anyone a night
 * worker); *active gets the active days of those 30.  -1 without such an
 * event.
 */
double
irm_eng_own_after(const struct user *u, int64_t day, int *active)
{
	double n = 0, after = 0;
	int i, j;

	*active = 0;
	for (i = 0; i < u->ndays; i++) {
		if (u->days[i].day < day - 30 || u->days[i].day >= day)
			continue;
		++*active;
		for (j = 0; j < u->days[i].nind; j++) {
			if (strcmp(irm_indicators[u->days[i].ind[j].idx].name,
			        "after_hours_logon") == 0)
				continue;
			n += u->days[i].ind[j].n;
			after += u->days[i].ind[j].after;
		}
	}
	return n == 0 ? -1 : after / n;
}

/*
 * The days of the 30 before day with an after-hours logon.  A user whose
 * days counted nothing but logons (mail within the company and ordinary
 * web pages count nothing: much of a CERT extract) has no share of
 * counted events after hours; one late evening is life, two are a habit
 * (irm-gen -f cert -s 33: a leaker whose history was logons, mail and
 * web had no hours part, and no alert).
 */
int
irm_eng_late_days(const struct user *u, int64_t day)
{
	static int idx = -2;
	int i, j, n = 0;

	if (idx == -2)
		idx = irm_indicator_find("after_hours_logon");
	for (i = 0; i < u->ndays && u->days[i].day < day; i++) {
		if (u->days[i].day < day - 30)
			continue;
		for (j = 0; j < u->days[i].nind; j++)
			n += u->days[i].ind[j].idx == idx;
	}
	return n;
}

/*
 * The same, -1 with fewer than OWN_MIN_DAYS active days (no habit to
 * speak of), unless after-hours logons came on two thirds of 3 active
 * days or more and the counted events, if any, were mostly after hours
 * too: a night shift's first week of the data is its habit (irm-gen -u
 * 1000 -d 60 -s 2: an engineer on nights, whose ten USB copies on the
 * seventh day were at night as all her work, was a medium alert for the
 * hour).  An early riser logs on before the working day every day and
 * works in it (irm-gen -f cert -u 1000 -d 21 -s 32: a leaver's copies at
 * night lost the hour without the second condition).
 */
static double
own_after_share(const struct user *u, int64_t day)
{
	int active;
	double share = irm_eng_own_after(u, day, &active);

	if (active >= OWN_MIN_DAYS)
		return share;
	if (active >= 3 && irm_eng_late_days(u, day) * 3 >= active * 2 &&
	    (share < 0 || share >= 0.5))
		return 1;
	return -1;
}

/*
 * Did the count touch priority content enough to weigh it (x1.5): 3 of
 * its events or more, or all of them?  One priority file among forty
 * printed is the day's work, not its target.
 */
static int
prio_enough(const struct iday *x)
{
	return x->prio >= PRIO_MIN || (x->prio > 0 && x->prio == x->n);
}

/*
 * And enough to corroborate the count on its own: the same, but a single
 * event is not (an executive's one board deck to the company's Box is
 * the day's work; with an unallowed domain or after hours it is not).
 */
static int
prio_corroborates(const struct iday *x)
{
	return x->prio >= PRIO_MIN || (x->prio > 1 && x->prio == x->n);
}

/*
 * Did the count go to unallowed domains enough to weigh it (x1.5): 2 of
 * its events or more, or all of them?  One mail to a Gmail address among
 * seventy to customers is the day's work; the personal mail indicators
 * count that one on its own.
 */
static int
unallowed_enough(const struct iday *x)
{
	return x->unallowed >= 2 || (x->unallowed > 0 && x->unallowed == x->n);
}

/* Is idx the after-hours logon indicator (after hours by definition)? */
static int
logon_after_hours(int idx)
{
	return strcmp(irm_indicators[idx].name, "after_hours_logon") == 0;
}

/*
 * Exfiltration after hours that is not the user's routine: a count of an
 * exfiltration indicator on the day, some of it outside working hours,
 * that is new or a rise for the user (score_risk.c), or touched priority
 * content or an unallowed domain.  Returns its indicator, or -1.  A night
 * shift mailing and printing at night as every night, or a traveller
 * working in another zone's hours, has none.
 */
static int
after_hours_exfil(const struct uday *d)
{
	int i;

	for (i = 0; i < d->nind; i++) {
		const struct iday *x = &d->ind[i];

		if (irm_indicators[x->idx].exfiltration && x->after &&
		    (RISK_FIRST(x->rk) || prio_enough(x) || x->unallowed))
			return x->idx;
	}
	return -1;
}

/* A trigger's corroboration needs a count this many times the user's own
 * mean on a history shorter than OWN_MIN_DAYS (as a rise in user risk). */
#define ROUTINE_X 3

/* Own hours need this many active days of the 30 before to be known. */
#define OWN_HOURS_MIN 3

/*
 * The user's active days after day and before the trigger's first (at
 * most 30), and the count of idx over them in *sum: what a later trigger
 * brings into scope from the data's first days is judged on what the
 * user did next.
 */
static int
own_after(const struct user *u, int idx, int64_t day, const struct trig *t,
    double *sum)
{
	int i, j, active = 0;

	*sum = 0;
	for (i = 0; i < u->ndays; i++) {
		const struct uday *x = &u->days[i];

		if (x->day <= day || x->day > day + 30 || x->day >= t->from)
			continue;
		active++;
		for (j = 0; j < x->nind; j++)
			if (x->ind[j].idx == idx &&
			    irm_eng_condition(u, &x->ind[j], x->day))
				*sum += x->ind[j].n;
	}
	return active;
}

/* Is the count one ordinary event to an unallowed domain? */
static int
one_ordinary_unallowed(const struct iday *id)
{
	return id->n == 1 && id->unallowed > 0 && id->prio == 0;
}

/*
 * The last day in the 60 before `before` on which the user's exfiltration
 * took ordinary files to an unallowed domain, or INT64_MIN: someone who
 * sends a file of their own to their Dropbox or Gmail now and then.
 */
static int64_t
took_home(const struct user *u, int64_t before)
{
	int64_t last = INT64_MIN;
	int i, j;

	for (i = 0; i < u->ndays && u->days[i].day < before; i++) {
		if (u->days[i].day < before - 60)
			continue;
		for (j = 0; j < u->days[i].nind; j++) {
			const struct iday *x = &u->days[i].ind[j];

			if (irm_indicators[x->idx].exfiltration &&
			    x->unallowed > 0 && x->prio == 0)
				last = u->days[i].day;
		}
	}
	return last;
}

/*
 * Is the count the user's routine, so that a trigger does not corroborate
 * it: one ordinary event to an unallowed domain after the trigger by a
 * user who sent ordinary files to unallowed domains before it (before,
 * the look-back brings a leaver's own first files into scope; a tax return
 * mailed home a week after a resignation, by someone who uploads a file
 * of her own to Dropbox now and then: irm-gen -u 200 -d 60 -s 2
 * --personal 10, two medium alerts of 38); the indicator on half of the active
 * days of the 30 before, or, without two weeks of past, a count under ROUTINE_X
 * x the user's level so far, on a few days at least; on fewer, a channel half
 * of the peers or more use (RISK_COMMON), as the department's routine stands in
 * for the user's at the start of the data, or, for a trigger that came later, a
 * count under ROUTINE_X x the user's level on the days between (a salesperson
 * who mails 25 attachments on the data's first day, as every day until her
 * resignation five weeks later, irm-gen -u 100 -d 60 -s 201 without a settings
 * file, so without her department's routine).
 */
static int
is_routine(const struct user *u, const struct iday *id, int64_t day, int active,
    const struct trig *t)
{
	double sum;
	int n = own_days(u, id->idx, day, &sum);

	if (one_ordinary_unallowed(id) && day >= t->from &&
	    took_home(u, t->from) != INT64_MIN)
		return 1;
	if (active >= OWN_MIN_DAYS)
		return 2 * n >= active;
	if (active >= ROUTINE_MIN_DAYS)
		return id->n < ROUTINE_X * sum / active;
	if (id->rk & RISK_COMMON)
		return 1;
	n = own_after(u, id->idx, day, t, &sum);
	return n >= ROUTINE_MIN_DAYS && id->n < ROUTINE_X * sum / n;
}

/*
 * Is the count within OWN_FACTOR x the user's own mean: over two weeks of
 * active days, or, on a shorter history (the start of the data, a
 * three-week extract), over ROUTINE_MIN_DAYS or more when the user had
 * the indicator on half of them or more, so that one big day is no
 * baseline.  A salesperson abroad mails the usual twenty attachments a
 * day at night: the hour alone made a medium alert (irm-gen -f cert,
 * 1,000 users, 21 days, seed 8: 10 of 12 users without a scenario).
 */
static int
usual_for_user(const struct user *u, const struct iday *id, int64_t day,
    int active, double own)
{
	double sum;

	if (id->n > OWN_FACTOR * own || active < ROUTINE_MIN_DAYS)
		return 0;
	return active >= OWN_MIN_DAYS ||
	    2 * own_days(u, id->idx, day, &sum) >= active;
}

/* On a short history, the detail also says on how many days. */
static void
usual_short_detail(
    struct factor *f, const struct user *u, const struct iday *id, int64_t day)
{
	size_t len = strlen(f->detail);
	double sum;

	snprintf(f->detail + len, sizeof(f->detail) - len,
	    ", %d of them with a count", own_days(u, id->idx, day, &sum));
}

/* Is act one of the activities idx counts (its catalogue's list)? */
static int
counts_act(int idx, const char *act)
{
	const char *a = irm_indicators[idx].activities;
	size_t n = strlen(act);

	for (; (a = strstr(a, act)) != NULL; a += n)
		if ((a == irm_indicators[idx].activities || a[-1] == ' ') &&
		    (a[n] == '\0' || a[n] == ' '))
			return 1;
	return 0;
}

/*
 * Is the count a rise the user's department shares on the day
 * (irm_risk_shared_rise), of a size the calendar explains: the user had
 * the indicator before (own, its mean over the active days of the 30
 * before) and the count is at most SHARED_CAP times that?  A salesman
 * who deletes 28 files at a quarter's end, against 0.17 a day, does
 * more than the quarter asks (irm-gen -s 122's disgruntled seller).
 * rose and had as for irm_risk_shared_rise.
 */
static int
calendar_rise(struct irm_engine *g, const struct user *u, const struct iday *id,
    int64_t day, double own, uint32_t *rose, uint32_t *had)
{
	return own > 0 && id->n <= SHARED_CAP * own &&
	    irm_risk_shared_rise(g, u, id->idx, day, rose, had);
}

/* The usual_for_user factor of a sequence on the first days of the
 * user's history (fewer than ROUTINE_MIN_DAYS active days), through a
 * channel half of the peers or more used (RISK_COMMON): the department's
 * routine stands in for the user's, yet unknown.  A financial analyst's
 * download-then-print of 8 files on the data's first day was 38, medium
 * (irm-gen -u 1000 -d 60 -s 3). */
static void
common_detail(struct factor *f, int idx, uint32_t n, int active)
{
	*f = (struct factor){"usual_for_user", "", 0.5, 0};
	snprintf(f->detail, sizeof(f->detail),
	    "%s %u/day on a history of %d active days, a channel half of the peers or more used in the 30 days",
	    irm_indicators[idx].name, n, active);
}

/* The usual_for_user factor of a sequence whose exfiltration count is a
 * rise the user's department shares (calendar_rise). */
static void
shared_detail(
    struct factor *f, int idx, uint32_t n, uint32_t rose, uint32_t had)
{
	*f = (struct factor){"usual_for_user", "", 0.5, 0};
	snprintf(f->detail, sizeof(f->detail),
	    "%s %u/day, a rise %u others of the department shared on the day, of %u with a count",
	    irm_indicators[idx].name, n, rose, had);
}

/*
 * Is the user's largest count on day of an indicator that counts act
 * usual for the user (usual_for_user)?  The clean-up of a sequence by a
 * user who deletes files every day is the day's tidying, not a trace
 * wiped; a day of mass deletion in the cloud is not made usual by a file
 * deleted on the laptop, nor the reverse (irm-gen -u 200 -d 60 -s 96's
 * disgruntled user).
 */
int
irm_eng_usual_most(const struct user *u, const char *act, int64_t day)
{
	const struct iday *most = NULL;
	double own;
	int i, j, active;

	for (i = 0; act && i < u->ndays; i++) {
		if (u->days[i].day != day)
			continue;
		for (j = 0; j < u->days[i].nind; j++) {
			const struct iday *id = &u->days[i].ind[j];

			if (counts_act(id->idx, act) &&
			    (most == NULL || id->n > most->n))
				most = id;
		}
	}
	if (most == NULL)
		return 0;
	own = irm_eng_own_mean(u, most->idx, day, &active);
	return usual_for_user(u, most, day, active, own);
}

/*
 * Is the user's count of the exfiltration indicator that counts act on
 * day usual for the user (usual_for_user), or, when shared is set, a rise
 * the department shares?  Then f gets the factor.  A sequence through a channel
 * the user uses that much every day is the day's work, the files printed or
 * copied the usual ones; and so are a finance team's prints at a
 * quarter's end, three times the usual for a third of the team
 * (irm-gen -u 1000 -d 60 -s 3: a financial analyst's high alert).
 */
int
irm_eng_usual_act(struct irm_engine *g, const struct user *u, const char *act,
    int64_t day, int shared, struct factor *f)
{
	const struct uday *d = NULL;
	double own;
	int i, active;
	uint32_t rose, had;

	for (i = 0; i < u->ndays && d == NULL; i++)
		if (u->days[i].day == day)
			d = &u->days[i];
	for (i = 0; act && d && i < d->nind; i++) {
		const struct iday *id = &d->ind[i];

		if (!irm_indicators[id->idx].exfiltration ||
		    !counts_act(id->idx, act))
			continue;
		own = irm_eng_own_mean(u, id->idx, day, &active);
		if (!usual_for_user(u, id, day, active, own)) {
			if (shared && active < ROUTINE_MIN_DAYS &&
			    (id->rk & RISK_COMMON)) {
				common_detail(f, id->idx, id->n, active);
				return 1;
			}
			if (!shared ||
			    !calendar_rise(g, u, id, day, own, &rose, &had))
				continue;
			shared_detail(f, id->idx, id->n, rose, had);
			return 1;
		}
		*f = (struct factor){"usual_for_user", "", 0.5, 0};
		snprintf(f->detail, sizeof(f->detail),
		    "%s %u/day <= %d x own mean %.2f over %d active days",
		    irm_indicators[id->idx].name, id->n, OWN_FACTOR, own,
		    active);
		if (active < OWN_MIN_DAYS)
			usual_short_detail(f, u, id, day);
		return 1;
	}
	return 0;
}

/* Why a trigger did not corroborate a routine count. */
static void
routine_detail(struct factor *f, const struct user *u, const struct iday *id,
    int64_t day, int active, const struct trig *t)
{
	double sum;
	int n = own_days(u, id->idx, day, &sum);
	int64_t home = one_ordinary_unallowed(id) && day >= t->from
	    ? took_home(u, t->from)
	    : INT64_MIN;
	char d[IRM_TIME_LEN];

	if (home != INT64_MIN) {
		irm_time_format(home * DAY_MS, d);
		snprintf(f->detail, sizeof(f->detail),
		    "no signal but the trigger, which does not count for one ordinary event to an unallowed domain, as on %.10s before it",
		    d);
	} else if (active >= OWN_MIN_DAYS)
		snprintf(f->detail, sizeof(f->detail),
		    "no signal but the trigger, which does not count for a channel used on %d of %d active days",
		    n, active);
	else if (active < ROUTINE_MIN_DAYS && (id->rk & RISK_COMMON))
		snprintf(f->detail, sizeof(f->detail),
		    "no signal but the trigger, which does not count for a channel half of the peers or more used in the 30 days, on a history of %d active days",
		    active);
	else if (active < ROUTINE_MIN_DAYS) {
		n = own_after(u, id->idx, day, t, &sum);
		snprintf(f->detail, sizeof(f->detail),
		    "no signal but the trigger, which does not count for %u/day < %d x own mean %.2f over %d active days after it, before the trigger",
		    id->n, ROUTINE_X, sum / n, n);
	} else
		snprintf(f->detail, sizeof(f->detail),
		    "no signal but the trigger, which does not count for %u/day < %d x own mean %.2f over %d active days",
		    id->n, ROUTINE_X, sum / active, active);
}

/* Is t an HR stressor: a poor review, a demotion, an improvement plan? */
static int
is_stressor(const struct trig *t)
{
	return (t->type &
	           (IRM_TRIG_REVIEW | IRM_TRIG_JOB_CHANGE | IRM_TRIG_PIP)) != 0;
}

/*
 * Is t an HR stressor that came after day?  It may explain what follows
 * it, not what came before: the look-back brings those days into scope,
 * but the stressor is no reason for them (three night-shift system
 * administrators of irm-gen tenants of 200 users under the default
 * templates, seeds 42, 61 and 72, downloaded 50 files or more at night in
 * the first week of the data and were medium alerts of the risky users
 * template when a poor review or a demotion three weeks later brought
 * those days into scope).  A resignation is: a leaver takes data before
 * telling.
 */
int
irm_eng_stressor_after(const struct trig *t, int64_t day)
{
	return is_stressor(t) && day < t->from;
}

/*
 * Is the multiplier f a signal that corroborates the count id?  Not the
 * user's own usual, group or unusual volume; priority content only as
 * prio_corroborates says; an unallowed domain in one event only with
 * priority content or a DLP match of high severity: one ordinary file
 * mailed to the user's own Gmail, a tax return or a CV, is the user's
 * business as often as not (irm-gen --personal 10 on make eval's seeds:
 * 9.3% of the users without a scenario had a medium alert for one).
 */
static int
corroborates(const struct factor *f, const struct iday *id)
{
	if (strcmp(f->name, "usual_for_user") == 0 ||
	    strcmp(f->name, "priority_user") == 0 ||
	    strcmp(f->name, "unusual_activity") == 0)
		return 0;
	if (strcmp(f->name, "priority_content") == 0)
		return !logon_after_hours(id->idx) &&
		    !irm_risk_collection(id->idx) && prio_corroborates(id);
	if (strcmp(f->name, "unallowed_domain") == 0)
		return id->unallowed > 1 || id->prio > 0;
	return 1;
}

/*
 * Does trigger t leave one ordinary event to an unallowed domain on day
 * unexplained, as it leaves it pointing at nothing in user risk
 * (score_risk.c)?  A DLP match of business mail and a stressor are no
 * reason for a file of one's own, nor is a resignation for one sent
 * before it (an account deletion comes after the leaving it stands for).
 */
static int
home_unexplained(const struct trig *t, int64_t day)
{
	return t->business || is_stressor(t) ||
	    (t->type == IRM_TRIG_RESIGNATION && day < t->from);
}

int
irm_eng_handover(const struct iday *id)
{
	static int mail = -2;

	if (mail == -2)
		mail = irm_indicator_find("email_external_attachments");
	return id->idx == mail && id->unallowed == 0 && id->prio == 0;
}

/*
 * Corroboration: a count on its own, with nothing else that points the
 * same way, is halved (x0.5, exact in binary), so that one indicator on
 * one day stays low; the signals looked for are the multipliers priority
 * content, unallowed domain, unusual activity (not for after-hours logons
 * and collection, whose volume swings with the hour and the work),
 * previous violation and after hours, and besides them a trigger other
 * than exfiltration, a count new for the user, a count at the high
 * threshold, and for after-hours logons exfiltration after hours the
 * same day.  Returns the number of signals found.
 */
static int
corroboration(const struct uday *d, const struct iday *id, const struct trig *t,
    int lv, int active, double own, double habit, int routine,
    const struct factor *f, int nf)
{
	int i, k = 0;

	for (i = 1; i < nf; i++)
		k += corroborates(&f[i], id);
	/* A trigger points at what is out of the user's way, not at a
	 * busier day of a channel used every other day: a quiet leaver's
	 * ten mails with attachments, where three a day are the rule, were
	 * a medium alert under the departing template's defaults.  Nor does
	 * it for one ordinary file home it does not explain (irm-gen -u 1000
	 * -d 60 --personal 10: seed 1's corporate counsel weeks after a DLP
	 * match of her mail to a customer, seed 2's marketing manager after
	 * a poor review and engineer five weeks before resigning, medium
	 * alerts).  Nor for a day of mail to customers, a leaver's handover
	 * as often as a theft (irm-gen -f cert -u 1000 -d 21, seeds 111 to
	 * 123 with settings: 3 of 7 false alerts). */
	if (t && t->type != IRM_TRIG_EXFIL && !routine &&
	    !irm_eng_stressor_after(t, d->day) && !irm_eng_handover(id) &&
	    !(one_ordinary_unallowed(id) && home_unexplained(t, d->day)))
		k++;
	/* A first sync is a new device as often as anything; and one
	 * event is one event, first or not (a priority user's first
	 * anonymous link, to one priority file, was a medium alert under
	 * the default templates on 3 of 19 irm-gen tenants of 200); nor is
	 * a count new only for one event to a new unallowed domain (a
	 * salesperson's busy day of mail to customers and one file to her
	 * Gmail: irm-gen -u 200 -d 60 -s 1 --personal 10 -z
	 * America/Los_Angeles, a medium alert). */
	if (RISK_FIRST(id->rk) && !irm_risk_collection(id->idx) && id->n > 1 &&
	    (!(id->rk & RISK_DEST) || id->unallowed > 1))
		k++;
	/* A high count of collection is not exfiltration: it needs
	 * something else too; and a high count is strong only against a
	 * past in which it is not the user's routine (a salesman mails
	 * forty attachments on his first day in the data as on every day,
	 * and the thirty-one of a priority user's usual day were a medium
	 * alert with the priority user booster).  Nor for after-hours logons: a
	 * traveller's every logon is after hours in the office's zone (make
	 * eval: 6 of 34 false alerts); nor for administration of other
	 * accounts, an administrator's busy day (two high alerts on a held-out
	 * tenant). */
	if (lv == 3 && !irm_risk_collection(id->idx) &&
	    !logon_after_hours(id->idx) && !irm_indicators[id->idx].distinct &&
	    active >= OWN_MIN_DAYS && id->n >= ROUTINE_X * own)
		k++;
	/* Not for a night shift or a traveller, whose work is mostly
	 * after hours: the hour says nothing about what they send then. */
	if (logon_after_hours(id->idx) && after_hours_exfil(d) >= 0 &&
	    habit < 0.5)
		k++;
	/* Collection is the routine of work, not exfiltration: one signal
	 * (a download after hours, or by someone in scope) is not enough. */
	if (irm_risk_collection(id->idx) && k < 2)
		return 0;
	return k;
}

/*
 * The after_hours multiplier when the settings name no working hours,
 * whose default is nobody's in particular: every event of the count
 * outside the hours the user worked (score_risk.c), over OWN_HOURS_MIN
 * active days or more, and not on a day moved.  A CERT extract's
 * salespeople mail partners from seven in the morning UTC, as every day,
 * and were medium alerts for the hour (irm-gen -f cert, 1,000 users, 21
 * days, seeds 7 to 11, scored without settings).  Returns the number of
 * factors.
 */
static int
own_hours_factor(const struct irm_settings *s, const struct user *u,
    const struct uday *d, const struct iday *id, struct factor *f, int nf)
{
	int active;
	uint32_t worked = irm_eng_worked_hours(u, d->day, &active);

	if (active < OWN_HOURS_MIN || (id->hours & worked) != 0 ||
	    irm_eng_day_moved(s, u, d))
		return nf;
	f[nf] = (struct factor){"after_hours", "", 1.25, 0};
	snprintf(f[nf].detail, sizeof(f[0].detail),
	    "%u of %u outside the hours the user worked over %d active days",
	    id->n, id->n, active);
	return nf + 1;
}

/* Work out an insight's factors; returns the number of factors.  t is the
 * trigger that put the user in scope (NULL: none). */
int
irm_eng_factors(struct irm_engine *g, const struct user *u,
    const struct irm_policy *p, const struct uday *d, const struct iday *id,
    const struct trig *t, struct factor *f, int *score)
{
	const struct irm_pol_ind *pi = &p->ind[id->idx];
	const struct irm_settings *s = g->o.settings;
	int lv = irm_eng_level(pi, id->n), nf = 1, active, routine, usual;
	double prod = 1, mean, bar, own, habit = own_after_share(u, d->day);

	f[0].name = "level";
	f[0].x = 0;
	f[0].points = pi->weight * lv;
	snprintf(f[0].detail, sizeof(f[0].detail), "%u/day >= %s %d", id->n,
	    irm_severity_name(lv), pi->thresholds[lv - 1]);
	if (prio_enough(id)) {
		f[nf] = (struct factor){"priority_content", "", 1.5, 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "%u of %u touched priority content", id->prio, id->n);
	}
	if (unallowed_enough(id)) {
		f[nf] = (struct factor){"unallowed_domain", "", 1.5, 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "%u of %u involved unallowed domains", id->unallowed,
		    id->n);
	}
	own = irm_eng_own_mean(u, id->idx, d->day, &active);
	mean = mean30(u, id->idx, d->day);
	bar = fmax(s->unusual_min_daily, s->unusual_factor * mean);
	usual = usual_for_user(u, id, d->day, active, own);
	/* Unusual needs a past to be unusual against, and a count usual
	 * for the user's active days is not: the 30-day mean counts the
	 * days before the data began, and a user's absences, as zeros.
	 * Nor is a rise the department shares (the calendar's). */
	if (p->boost_unusual && active >= OWN_MIN_DAYS && id->n >= bar &&
	    !usual && !calendar_rise(g, u, id, d->day, own, NULL, NULL)) {
		f[nf] = (struct factor){"unusual_activity", "", 1.25, 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "%u/day >= max(%d, %g x 30-day mean %.2f)", id->n,
		    s->unusual_min_daily, s->unusual_factor, mean);
	}
	/* One unusual day is a busy day; the same channel unusual again
	 * and again while a resignation, a poor review or a DLP match has
	 * the user in scope is a pattern (irm-gen's job hunter under the
	 * default templates: a medium USB count on six days of two weeks,
	 * six medium insights and no high one); but not a channel the user
	 * uses that much anyway (usual_for_user: the quiet-leaver
	 * look-alike's eleven mails a day, seed 63). */
	if (p->boost_unusual && active >= OWN_MIN_DAYS && id->n >= bar &&
	    id->n > OWN_FACTOR * own && lv >= 2 && t &&
	    t->type != IRM_TRIG_EXFIL && irm_indicators[id->idx].exfiltration) {
		double at = fmax(bar, pi->thresholds[1]);
		int k = days_at_least(u, id->idx, d->day, at);

		if (k + 1 >= REPEAT_DAYS) {
			f[nf] = (struct factor){"repeated", "", 1.5, 0};
			snprintf(f[nf++].detail, sizeof(f[0].detail),
			    "%d of the %d days to the day >= %g/day, medium and unusual",
			    k + 1, REPEAT_SPAN + 1, at);
		}
	}
	if (usual) {
		f[nf] = (struct factor){"usual_for_user", "", 0.5, 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "%u/day <= %d x own mean %.2f over %d active days", id->n,
		    OWN_FACTOR, own, active);
		if (active < OWN_MIN_DAYS)
			usual_short_detail(&f[nf - 1], u, id, d->day);
	}
	if (p->boost_priority_user && irm_priority_user(s, u->name)) {
		f[nf] = (struct factor){"priority_user", "", 1.25, 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "member of a priority user group");
	}
	if (p->boost_previous && previous_violation(g, u->name, d->day)) {
		f[nf] = (struct factor){"previous_violation", "", 1.25, 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "a case resolved as a violation before this day");
	}
	/* after_hours_logon is after hours by definition: no double count;
	 * and for a night shift, whose work is mostly after hours, the hour
	 * is routine. */
	if (p->boost_after && !s->wh_given && !logon_after_hours(id->idx))
		nf = own_hours_factor(s, u, d, id, f, nf);
	else if (p->boost_after && id->after * 4 >= id->n * 3 &&
	    !logon_after_hours(id->idx) && habit < 0.5 &&
	    !irm_eng_day_moved(s, u, d)) {
		f[nf] = (struct factor){"after_hours", "", 1.25, 0};
		if (habit < 0)
			snprintf(f[nf++].detail, sizeof(f[0].detail),
			    "%u of %u outside working hours", id->after, id->n);
		else
			snprintf(f[nf++].detail, sizeof(f[0].detail),
			    "%u of %u outside working hours, own share %.2f < 0.5",
			    id->after, id->n, habit);
	}
	/* Collection's own boosts (priority content, an unusual volume, a
	 * priority user) corroborate nothing, yet stacked they lifted an
	 * uncorroborated download count past min_score (30 x 1.5 x 1.25 x
	 * 1.25 x 0.5 = 35, three priority users of irm-gen seed 1 under
	 * the default templates): it takes a quarter. */
	/* Only a trigger asks; the days are not walked for every count. */
	routine = t && t->type != IRM_TRIG_EXFIL &&
	    is_routine(u, id, d->day, active, t);
	if (corroboration(d, id, t, lv, active, own, habit, routine, f, nf) ==
	    0) {
		f[nf] = (struct factor){"uncorroborated", "",
		    irm_risk_collection(id->idx) ? 0.25 : 0.5, 0};
		if (t && t->type != IRM_TRIG_EXFIL && routine &&
		    !irm_risk_collection(id->idx))
			routine_detail(&f[nf++], u, id, d->day, active, t);
		else if (t && t->type != IRM_TRIG_EXFIL && irm_eng_handover(id))
			snprintf(f[nf++].detail, sizeof(f[0].detail), "%s",
			    "no signal but the trigger, which does not count for mail to business recipients only");
		else
			snprintf(f[nf++].detail, sizeof(f[0].detail), "%s",
			    logon_after_hours(id->idx)
			        ? "no after-hours exfiltration new for the user, trigger, previous violation, first time or high count"
			        : irm_risk_collection(id->idx)
			        ? "no unallowed domain, trigger, previous violation or after hours"
			        : "no priority content, unallowed domain, trigger, previous violation, after hours, first time or high count");
	}
	for (int i = 1; i < nf; i++)
		prod *= f[i].x;
	*score = (int)fmin(100, floor(f[0].points * prod + 0.5));
	return nf;
}
