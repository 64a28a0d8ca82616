/*
 * score_trig.c - the triggers irm-score raises itself when a day of a
 * user becomes final, from the day's counts and the user's days before:
 * exfiltration, risky-user signals, job search and impersonation
 * (irm-score(1) TRIGGERS).  The events that are triggers (HR files,
 * alerts, deleted accounts) are score_engine.c's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_score.h"
#include "score_int.h"

/*
 * Exfiltration as a trigger (the data leaks templates): an exfiltration
 * indicator at or above its low threshold on the day, for any policy that
 * takes this trigger.
 */
static void
exfil_trigger(
    struct irm_engine *g, struct user *u, struct uday *d, struct irm_buf *out)
{
	struct trig t = {IRM_TRIG_EXFIL, d->day, d->day, d->day * DAY_MS, 0, 0};
	size_t pol;
	int i;

	for (pol = 0; pol < g->o.npolicies; pol++) {
		const struct irm_policy *p = &g->o.policies[pol];

		if (!(p->triggers & IRM_TRIG_EXFIL))
			continue;
		for (i = 0; i < d->nind; i++) {
			const struct irm_pol_ind *pi = &p->ind[d->ind[i].idx];

			if (irm_indicators[d->ind[i].idx].exfiltration &&
			    pi->enabled &&
			    d->ind[i].n >= (uint32_t)pi->thresholds[0]) {
				irm_eng_add_trigger(g, u, &t, out);
				return;
			}
		}
	}
}

/*
 * Risky-user signals as a trigger (the risky-users templates): the
 * indicators the catalogue marks risky, each at or above the catalogue's
 * low threshold on the day, worth 3 points between them (a hiding inbox
 * rule, a burst of admin operations: 2 each; a sign-in from a new
 * network, with a new user agent, an anonymous access: 1 each).  Two
 * points are everyday life: a traveller's new network and new laptop, a
 * rule that files newsletters away and marks them read (make eval: a
 * new network and agent alone put a user of seed 2 in scope).  A burst
 * of admin operations counts only for a user with OWN_MIN_DAYS active
 * days of history and at 3 times the user's own daily mean or above.
 */
static void
risky_trigger(
    struct irm_engine *g, struct user *u, struct uday *d, struct irm_buf *out)
{
	struct trig t = {
	    IRM_TRIG_RISKY_SIGNAL, d->day, d->day, d->day * DAY_MS, 0, 0};
	const struct irm_indicator *ind;
	int i, active, points = 0;
	double own;

	for (i = 0; i < d->nind; i++) {
		ind = &irm_indicators[d->ind[i].idx];
		if (!ind->risky || d->ind[i].n < (uint32_t)ind->thresholds[0])
			continue;
		/* Administration is an administrator's routine: a burst
		 * counts only against a past of the user's own. */
		if (ind->distinct) {
			own =
			    irm_eng_own_mean(u, d->ind[i].idx, d->day, &active);
			if (active < OWN_MIN_DAYS || d->ind[i].n < 3 * own)
				continue;
		}
		points += ind->risky;
	}
	if (points >= 3)
		irm_eng_add_trigger(g, u, &t, out);
}

/*
 * Job search as a trigger (the departing templates): visits to job sites
 * on JOB_DAYS days or more of the JOB_WINDOW to the day, the day one of
 * them.  Weeks of it say the user is looking to leave before any HR file
 * does (CERT's job hunter); a look now and then is curiosity.  Its window
 * is exact: from the first of those days to JOB_WINDOW days after the
 * day.  A resignation comes after the theft, so its window reaches 90
 * days back; a search comes before (irm-gen -u 100 -s 203: with that
 * window, a job browser's day of ten USB copies two weeks before the
 * first visit was a medium alert).
 */
static int
has_ind(const struct uday *d, int idx)
{
	int i;

	for (i = 0; i < d->nind; i++)
		if (d->ind[i].idx == idx)
			return 1;
	return 0;
}

static void
job_trigger(
    struct irm_engine *g, struct user *u, struct uday *d, struct irm_buf *out)
{
	struct trig t = {IRM_TRIG_JOB_SEARCH, d->day, d->day + JOB_WINDOW,
	    d->day * DAY_MS, 1, 0};
	static int idx = -2;
	int i, days = 0;

	if (idx == -2)
		idx = irm_indicator_find("browse_job_search");
	if (idx < 0 || !has_ind(d, idx))
		return;
	for (i = 0; i < u->ndays; i++) {
		if (u->days[i].day <= d->day - JOB_WINDOW ||
		    u->days[i].day > d->day || !has_ind(&u->days[i], idx))
			continue;
		days++;
		if (u->days[i].day < t.from)
			t.from = u->days[i].day;
	}
	if (days >= JOB_DAYS)
		irm_eng_add_trigger(g, u, &t, out);
}

/*
 * Impersonation as a trigger (the security templates): on one day a first
 * mail in another user's name (email_as_other, on none of the user's days
 * of the look-back before) and a logon on a host the user never logged
 * on to (logon_new_host).  CERT's saboteur logs on to the supervisor's PC
 * with captured credentials and mails the company in the supervisor's
 * name; without an HR file or a security alert nothing put him in scope.
 * An assistant mails for the boss every day, so not for the first time,
 * and a new laptop comes without a mail in another's name.
 */
static void
impersonation_trigger(
    struct irm_engine *g, struct user *u, struct uday *d, struct irm_buf *out)
{
	struct trig t = {
	    IRM_TRIG_IMPERSONATION, d->day, d->day, d->day * DAY_MS, 0, 0};
	static int as = -2, host = -2;
	int i;

	if (as == -2) {
		as = irm_indicator_find("email_as_other");
		host = irm_indicator_find("logon_new_host");
	}
	if (as < 0 || host < 0 || !has_ind(d, as) || !has_ind(d, host))
		return;
	for (i = 0; i < u->ndays; i++)
		if (u->days[i].day < d->day && has_ind(&u->days[i], as))
			return;
	irm_eng_add_trigger(g, u, &t, out);
}

void
irm_eng_day_triggers(
    struct irm_engine *g, struct user *u, struct uday *d, struct irm_buf *out)
{
	exfil_trigger(g, u, d, out);
	risky_trigger(g, u, d, out);
	job_trigger(g, u, d, out);
	impersonation_trigger(g, u, d, out);
}
