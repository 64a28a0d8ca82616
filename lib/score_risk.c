/*
 * score_risk.c - user risk: weak signals of a user added up over days,
 * with a decay, per policy.  A count that is new for the user (an
 * indicator the user never had in the 60 days before, with 7 active days
 * of history or more, 14 unless the user is leaving, and that fewer than
 * half of the user's peers had in the 30 days to the day), a rise over
 * the user's own mean (not for downloads) and exfiltration on two days at
 * hours the user does not work are the parts (the strongest of each
 * indicator); their sum over the last 30 days, halved for every whole
 * week of age, times 1.5 for the event of the policy's triggers (not
 * exfiltration) that put the user in scope, is the score; without such an
 * event there is none.  Written when it reaches min_score and the parts
 * name three indicators or more (not staging) (two when the user is
 * leaving: a resignation or a deleted account, or one channel into the
 * leaver's own hands rising on three days), at most once in 7 days
 * per policy unless the severity rises (irm-score(1) SCORING,
 * irm-insight(5)).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_score.h"
#include "score_int.h"

#define RISK_HALF 7       /* their points halve every 7 days of age */
#define RISK_NEW_DAYS 60  /* new: not in this many days before */
#define RISK_RISE_X 3     /* rise: this many times the own mean */
#define RISK_MIN_INDS 3   /* distinct indicators among the parts */
#define RISK_MIN_STRONG 2 /* the same for a user who is leaving */
#define RISK_EVERY 7      /* days between two insights of one severity */
#define RISK_PARTS 64     /* parts kept for an insight, at most */
/* A leaver's parts on this many active days of history, others' on
 * OWN_MIN_DAYS: a three-week extract of audit data (the CERT benchmark's)
 * holds about 15 working days, and an insider's first steps come within
 * them.  A short history is weak evidence: it takes a resignation too,
 * or the night work of an hours part, which is measured on the history. */
#define RISK_MIN_DAYS 7
#define RISK_HOURS_SHARE 0.05 /* hours: the user's own share after hours */
#define RISK_HOURS_DAYS 2     /* hours: on this many days of two weeks */
#define RISK_OWN_HOUR_DAYS 2  /* ... the user's own hours: on this many */
#define RISK_OWN_HOUR_SHARE 5 /* ... and one active day in this many */
#define RISK_AWAY_HOURS 5     /* ... a day moved: this many other hours */
#define RISK_OWN_TIME_DAYS 3  /* own hours known: on this many active days */
#define RISK_OWN_NIGHTS 3     /* ... without a trigger but the exfiltration */
#define RISK_REPEAT 3 /* repeated: parts on this many days of two weeks */
#define RISK_REPEAT_NIGHTS 4 /* ... an hours part on this many days */
#define RISK_REPEAT_X 1.5
#define RISK_NEW_CHANNELS 2  /* own exfiltration: new channels, this many */
#define RISK_NEW_DAYS_USED 3 /* ... used on this many days between them */

/* Active days of u in the n days before day, and whether idx had a count
 * on one of them (*had). */
static int
history(const struct user *u, int idx, int64_t day, int n, int *had)
{
	int i, j, active = 0;

	*had = 0;
	for (i = 0; i < u->ndays && u->days[i].day < day; i++) {
		if (u->days[i].day < day - n)
			continue;
		active++;
		for (j = 0; j < u->days[i].nind && !*had; j++)
			*had = u->days[i].ind[j].idx == idx &&
			    irm_eng_condition(
			        u, &u->days[i].ind[j], u->days[i].day);
	}
	return active;
}

/* Did idx count an event to an unallowed domain on a day of the n before
 * day? */
static int
had_unallowed(const struct user *u, int idx, int64_t day, int n)
{
	int i, j;

	for (i = 0; i < u->ndays && u->days[i].day < day; i++) {
		if (u->days[i].day < day - n)
			continue;
		for (j = 0; j < u->days[i].nind; j++)
			if (u->days[i].ind[j].idx == idx &&
			    u->days[i].ind[j].unallowed > 0)
				return 1;
	}
	return 0;
}

/* Downloads and syncs: their volume swings with the work, so a rise of
 * theirs is no part (their first time still is). */
int
irm_risk_collection(int idx)
{
	const char *a = irm_indicators[idx].activities;

	return strcmp(a, "file_downloaded") == 0 ||
	    strcmp(a, "file_synced") == 0;
}

/* The user's own mean of idx over the active days of the 30 before day,
 * without the counts of the last two weeks that were parts themselves
 * (new or a rise): a theft of several days is measured against the days
 * before it began, not against its own first days. */
static double
quiet_mean(const struct user *u, int idx, int64_t day, int *active)
{
	double sum = 0;
	int i, j;

	*active = 0;
	for (i = 0; i < u->ndays; i++) {
		const struct uday *x = &u->days[i];

		if (x->day < day - 30 || x->day >= day)
			continue;
		++*active;
		for (j = 0; j < x->nind; j++)
			if (x->ind[j].idx == idx &&
			    !(x->day > day - 2 * RISK_HALF &&
			        ((x->ind[j].rk & RISK_KIND) == RISK_NEW ||
			            (x->ind[j].rk & RISK_KIND) == RISK_RISE)))
				sum += x->ind[j].n;
	}
	return *active ? sum / *active : 0;
}

/* Did the count touch priority content (3 events or more, or all of them)
 * or an unallowed domain?  POINT_ONE when one ordinary event is all that
 * went to an unallowed domain, POINT_YES for more, 0 for neither. */
enum { POINT_ONE = 1, POINT_YES = 2 };
static int
pointed(const struct iday *id)
{
	if (id->prio >= PRIO_MIN || (id->prio > 0 && id->prio == id->n) ||
	    id->unallowed > 1 || (id->unallowed > 0 && id->prio > 0))
		return POINT_YES;
	return id->unallowed > 0 ? POINT_ONE : 0;
}

void
irm_risk_mark(struct irm_engine *g, const struct user *u, struct uday *d)
{
	const struct irm_settings *s = g->o.settings;
	double own, bar;
	uint32_t npeers, with;
	int i, had, active, hist;

	for (i = 0; i < d->nind; i++) {
		struct iday *id = &d->ind[i];

		id->rk = irm_risk_common(g, u, id->idx, d->day) ? RISK_COMMON
		                                                : RISK_NONE;
		hist = history(u, id->idx, d->day, RISK_NEW_DAYS, &had);
		active = OWN_MIN_DAYS;
		/* A badge swipe is no part before the last working day. */
		if (hist < RISK_MIN_DAYS || !irm_eng_condition(u, id, d->day))
			continue;
		if (!had) {
			/* New for the user, but ordinary for the peers (the
			 * others of the group, who had day d's count counted
			 * with theirs): a first sync in a department that
			 * syncs.  Without 20 peers, no comparison. */
			with =
			    irm_risk_peers_with(g, u, id->idx, d->day, &npeers);
			if (npeers <= RISK_PEERS ||
			    (uint64_t)(with - 1) * RISK_PEER_DIV < npeers - 1)
				id->rk |= RISK_NEW;
		}
		/* A new destination, one the settings call unallowed,
		 * whatever the peers do: a leaver's first uploads to Dropbox
		 * after years of Box (irm-gen -u 200 -d 60 -s 41 with HR
		 * rows). */
		if (id->unallowed > 0 &&
		    !had_unallowed(u, id->idx, d->day, RISK_NEW_DAYS))
			id->rk |= RISK_NEW | (had ? RISK_DEST : 0);
		/* A first count the peers make ordinary (not new) is a rise
		 * over a mean of nothing: 25 files recycled at once by a
		 * user who never deleted (irm-gen -u 100 -d 60 -s 204). */
		if ((id->rk & RISK_NEW) == 0) {
			own = quiet_mean(u, id->idx, d->day, &active);
			bar = fmax(s->unusual_min_daily, RISK_RISE_X * own);
			if (active >= RISK_MIN_DAYS && id->n >= bar &&
			    !irm_risk_collection(id->idx) &&
			    !irm_risk_shared_rise(
			        g, u, id->idx, d->day, NULL, NULL))
				id->rk |= RISK_RISE;
		}
		if ((id->rk & RISK_KIND) != RISK_NONE &&
		    (hist < OWN_MIN_DAYS ||
		        ((id->rk & RISK_RISE) && active < OWN_MIN_DAYS)))
			id->rk |= RISK_SHORT;
	}
}

/*
 * Collection and staging (downloads, syncs, reads of priority content,
 * archives): the routine of work, so two of them are not two independent
 * reasons for concern; their parts add points but do not count as
 * indicators of their own.
 */
static int
staging(int idx)
{
	static const char *const act[] = {
	    "file_downloaded", "file_synced", "file_accessed", "file_archived"};
	const char *a = irm_indicators[idx].activities;
	size_t i, n;

	for (i = 0; i < sizeof(act) / sizeof(act[0]); i++) {
		n = strlen(act[i]);
		if (strncmp(a, act[i], n) == 0 && (a[n] == '\0' || a[n] == ' '))
			return 1;
	}
	return 0;
}

struct part {
	int64_t day;
	int idx, kind;
	double base, x;
	int pointed; /* the most pointed() of its counts */
	int days;    /* of two weeks with a part of idx; hours: the nights */
};

/* The part (new or rise) a count is for p, if any: its kind and points
 * before decay. */
static int
part_of(const struct irm_policy *p, const struct uday *d, const struct iday *id,
    int leaving, struct part *pt)
{
	const struct irm_pol_ind *pi = &p->ind[id->idx];
	int kind = id->rk & RISK_KIND;

	/* On a short history only for a leaver: see RISK_MIN_DAYS. */
	if (kind == RISK_NONE || !pi->enabled ||
	    (p->priority_only == 1 && id->prio == 0) ||
	    ((id->rk & RISK_SHORT) && !leaving))
		return 0;
	pt->day = d->day;
	pt->idx = id->idx;
	pt->kind = kind;
	pt->pointed = pointed(id);
	pt->base = pi->weight;
	if (kind == RISK_RISE && id->prio)
		pt->base *= 1.5;
	if (kind == RISK_RISE && id->unallowed)
		pt->base *= 1.5;
	return 1;
}

static void
write_parts(struct irm_buf *out, const struct part *v, int n)
{
	static const char *const kind_names[] = {
	    [RISK_NEW] = "new", [RISK_RISE] = "rise", [RISK_HOURS] = "hours"};
	char day[IRM_TIME_LEN];
	int i;

	irm_buf_adds(out, ",\"parts\":[");
	for (i = 0; i < n; i++) {
		irm_time_format(v[i].day * DAY_MS, day);
		irm_buf_printf(out,
		    "%s{\"day\":\"%.10s\",\"indicator\":\"%s\","
		    "\"kind\":\"%s\",\"days\":%d,\"base\":%.17g,"
		    "\"x\":%.17g,\"points\":%.17g}",
		    i ? "," : "", day, irm_indicators[v[i].idx].name,
		    kind_names[v[i].kind], v[i].days, v[i].base, v[i].x,
		    v[i].base * v[i].x);
	}
	irm_buf_addc(out, ']');
}

/* A trigger that is itself a strong reason: the user is leaving (a
 * resignation, a deleted account, weeks of job search) and takes data or
 * not now, or has mailed in another's name from another's host (the act
 * is done).  After a poor review, a demotion or an improvement plan the
 * user stays, and a new tool or two is the new work as often as not
 * (make eval: 8 of the 34 users without a scenario with a medium alert
 * on seeds 1-3 had two new exfiltration channels after one, and nothing
 * else). */
static int
strong_trigger(const struct trig *t)
{
	return (t->type &
	           (IRM_TRIG_RESIGNATION | IRM_TRIG_DELETED |
	               IRM_TRIG_JOB_SEARCH | IRM_TRIG_IMPERSONATION)) != 0;
}

/* A trigger the user stays through: a poor review, a demotion, an
 * improvement plan.  One ordinary file to the user's own Gmail after it
 * is what the user did before it as often as not. */
static int
stressor(const struct trig *t)
{
	return (t->type &
	           (IRM_TRIG_REVIEW | IRM_TRIG_JOB_CHANGE | IRM_TRIG_PIP)) != 0;
}

/* Does part pt point at the data?  An hours part does; a part of
 * collection or staging does not; one ordinary event to an unallowed
 * domain only on or after the trigger's first day and not after a
 * stressor, or when the trigger is the user's own exfiltration (a DLP
 * match of business mail is no trigger here: irm_eng_risk_trigger). */
static int
part_points(const struct part *pt, const struct trig *t)
{
	if (pt->kind == RISK_HOURS)
		return 1;
	if (staging(pt->idx))
		return 0;
	if (pt->pointed == POINT_YES)
		return 1;
	return pt->pointed == POINT_ONE &&
	    (t->type == IRM_TRIG_EXFIL || (pt->day >= t->from && !stressor(t)));
}

/* Does p watch data leaving (an exfiltration indicator enabled), as the
 * data templates do and the security ones do not? */
static int
takes_data(const struct irm_policy *p)
{
	size_t i;

	for (i = 0; i < irm_nindicators; i++)
		if (p->ind[i].enabled && irm_indicators[i].exfiltration)
			return 1;
	return 0;
}

static int
bits(uint32_t m)
{
	int n = 0;

	for (; m; m &= m - 1)
		n++;
	return n;
}

/*
 * The user's own hours before day: the local hours of the day with an
 * event of the user (logons too) on RISK_OWN_HOUR_DAYS of the active days
 * of the 30 before or more and on one in RISK_OWN_HOUR_SHARE, and the
 * hours next to them (an evening worker's day ends when it ends); one
 * late evening is life, and the summer time's shift of an hour is no
 * habit (irm-gen -u 200 -d 60 -s 114 without settings: a priority user's
 * mail to herself at 18:30 UTC was in the hours next to 17:00, her last
 * hour before the clocks changed).
 */
uint32_t
irm_eng_own_hours(const struct user *u, int64_t day, int *active)
{
	uint32_t raw = irm_eng_worked_hours(u, day, active);

	return (raw | raw << 1 | raw >> 23 | raw >> 1 | raw << 23) & 0xffffff;
}

uint32_t
irm_eng_worked_hours(const struct user *u, int64_t day, int *active)
{
	int n[24] = {0}, i, h;
	uint32_t raw = 0;

	*active = 0;
	for (i = 0; i < u->ndays && u->days[i].day < day; i++) {
		if (u->days[i].day < day - 30)
			continue;
		++*active;
		for (h = 0; h < 24; h++)
			n[h] += u->days[i].hours >> h & 1;
	}
	for (h = 0; h < 24; h++)
		if (n[h] >= RISK_OWN_HOUR_DAYS &&
		    n[h] * RISK_OWN_HOUR_SHARE >= *active)
			raw |= (uint32_t)1 << h;
	return raw;
}

/*
 * The share of the user's counted events of the 30 days before day
 * (after-hours logons aside, as irm_eng_own_after) outside the hours
 * own, or -1 for none: a count's events outside them are at least one an
 * hour outside, the count at most.  Mail at odd hours now and then, an
 * hour one day and another the next, is no own hour, but the user works
 * at odd hours all the same.
 */
static double
own_hours_share(const struct user *u, int64_t day, uint32_t own)
{
	static int logon = -2;
	double n = 0, out = 0, k;
	int i, j;

	if (logon == -2)
		logon = irm_indicator_find("after_hours_logon");
	for (i = 0; i < u->ndays && u->days[i].day < day; i++)
		for (j = 0; j < u->days[i].nind; j++) {
			const struct iday *id = &u->days[i].ind[j];

			if (u->days[i].day < day - 30 || id->idx == logon)
				continue;
			k = bits(id->hours & ~own);
			n += id->n;
			out += k < id->n ? k : id->n;
		}
	return n == 0 ? -1 : out / n;
}

/*
 * Did day d move, the user's events that day in RISK_AWAY_HOURS hours or
 * more outside the own?  A traveller's whole working day moves to other
 * hours; a thief works the day and takes the data in an hour or two at
 * night, and an evening's mail to oneself is one hour (irm-gen -u 200 -d
 * 30 -s 211 and -f cert -u 800 -d 45 -s 44, without settings: a
 * salesman's and an engineer's first shares, uploads or USB copies
 * abroad, at night in the office's zone as all their work that week, were
 * medium alerts).
 */
static int
moved(const struct uday *d, uint32_t own)
{
	return bits(d->hours & ~own) >= RISK_AWAY_HOURS;
}

/* Did count id of day d come outside the user's own hours, on a day that
 * did not move? */
static int
new_hours(const struct uday *d, const struct iday *id, uint32_t own)
{
	return (id->hours & own) == 0 && !moved(d, own);
}

/* Working hours tell a moved day without history, and in the middle of a
 * trip, whose hours have become the user's own (irm-gen -f cert -u 800
 * -d 45 -s 44, with its settings: a salesman abroad in the first week of
 * the data, and e7's on the fourth day of his, were medium alerts). */
int
irm_eng_day_moved(
    const struct irm_settings *s, const struct user *u, const struct uday *d)
{
	int active, h;
	uint32_t own = irm_eng_own_hours(u, d->day, &active), work = 0;

	if (active >= RISK_OWN_TIME_DAYS && moved(d, own))
		return 1;
	if (!s->wh_given)
		return 0;
	for (h = 0; h < 24; h++)
		if (!irm_after_hour(s, d->day, h))
			work |= (uint32_t)1 << h;
	return moved(d, work);
}

/*
 * The hours part for p on day, if any: exfiltration mostly outside
 * working hours on RISK_HOURS_DAYS days or more of the last two weeks by
 * a user who did not work then (under RISK_HOURS_SHARE of the counted
 * events of the 30 days before the first of those days, over RISK_MIN_DAYS
 * active days, or OWN_MIN_DAYS unless leaving), each count through a
 * channel the user had not used before that first day, a rise, or
 * priority content or an unallowed domain: a late worker's routine is
 * none of these, and one late evening is life.  When the settings name
 * no working hours, the default hours are nobody's in particular (a CERT
 * extract's staff start at seven): the user's own hours
 * (irm_eng_own_hours) stand in for them in the share, and each count must
 * be at new hours (new_hours); so they do for a user whose counted
 * events came after working hours by habit (irm-gen -u 200 -d 60 -s 113
 * with HR rows: a night copier whose early shift starts before the
 * settings' hours was a medium alert for a high scenario).  The part is
 * the strongest such count's, at half its indicator's weight.  Returns
 * the days, 0 for no part.
 */
static int
hours_part(const struct irm_settings *s, const struct user *u,
    const struct irm_policy *p, int64_t day, int leaving, struct part *best)
{
	int64_t first = INT64_MIN, last = INT64_MIN;
	int i, j, ndays = 0, active, had, found = 0, by_own = !s->wh_given;
	uint32_t own = 0;
	double share, x;

	for (i = 0; i < u->ndays; i++) {
		const struct uday *d = &u->days[i];

		if (d->day <= day - 2 * RISK_HALF || d->day > day)
			continue;
		for (j = 0; j < d->nind; j++) {
			const struct iday *id = &d->ind[j];
			const struct irm_pol_ind *pi = &p->ind[id->idx];

			if (!irm_indicators[id->idx].exfiltration ||
			    id->after * 2 <= id->n || !pi->enabled ||
			    (p->priority_only == 1 && id->prio == 0))
				continue;
			if (first == INT64_MIN) {
				first = d->day;
				share = irm_eng_own_after(u, first, &active);
				if (share < 0)
					share = irm_eng_late_days(u, first) > 1;
				else if (share >= RISK_HOURS_SHARE)
					by_own = 1; /* an early shift's hours */
				if (by_own) {
					own = irm_eng_own_hours(
					    u, first, &active);
					/* No counted events: the hours
					 * are the logons', own already. */
					share = own_hours_share(u, first, own);
					share = share < 0 ? 0 : share;
				}
				/* A count at the user's own hours (an early
				 * shift's) starts nothing: the first is a
				 * later count. */
				if (by_own && !new_hours(d, id, own)) {
					first = INT64_MIN;
					continue;
				}
				if (active < RISK_MIN_DAYS ||
				    (active < OWN_MIN_DAYS && !leaving) ||
				    share < 0 || share >= RISK_HOURS_SHARE)
					return 0;
			}
			history(u, id->idx, first, RISK_NEW_DAYS, &had);
			if ((had && (id->rk & RISK_KIND) != RISK_RISE &&
			        !pointed(id)) ||
			    (by_own && !new_hours(d, id, own)))
				continue;
			ndays += d->day != last;
			last = d->day;
			x = ldexp(1, -(int)((day - d->day) / RISK_HALF));
			if (found++ &&
			    pi->weight / 2.0 * x <= best->base * best->x)
				continue;
			*best = (struct part){d->day, id->idx, RISK_HOURS,
			    pi->weight / 2.0, x, pointed(id), 0};
		}
	}
	return ndays >= RISK_HOURS_DAYS ? ndays : 0;
}

/* The days of the two weeks to day on which idx made a part (a new
 * thing or a rise, on a short history only for a leaver, as in
 * part_of), or was counted at all after it was new in them: a channel
 * taken up and used again is as much a practice as one that keeps
 * rising.  With rises, the days it rose only. */
static int
part_days(const struct user *u, int idx, int64_t day, int strong, int rises)
{
	int i, j, n = 0, since_new = 0, kind;

	for (i = 0; i < u->ndays; i++) {
		const struct uday *d = &u->days[i];

		if (d->day <= day - 2 * RISK_HALF || d->day > day)
			continue;
		for (j = 0; j < d->nind; j++) {
			if (d->ind[j].idx != idx)
				continue;
			kind = (strong || !(d->ind[j].rk & RISK_SHORT))
			    ? d->ind[j].rk & RISK_KIND
			    : RISK_NONE;
			since_new |= kind == RISK_NEW && !rises;
			n += rises ? kind == RISK_RISE
			           : kind != RISK_NONE || since_new;
		}
	}
	return n;
}

/* A new thing or a rise on RISK_REPEAT days of two weeks, or new hours on
 * RISK_REPEAT_NIGHTS, is a practice, not a try: x1.5 (CERT's leaker
 * copies to USB media on most nights of the two weeks before leaving;
 * a first copy and one rise were 45, medium). */
static void
repeated(const struct user *u, struct part *v, int n, int64_t day, int strong,
    int nights)
{
	int i;

	for (i = 0; i < n; i++) {
		v[i].days = v[i].kind == RISK_HOURS
		    ? nights
		    : part_days(u, v[i].idx, day, strong, 0);
		if (v[i].days >= (v[i].kind == RISK_HOURS ? RISK_REPEAT_NIGHTS
		                                          : RISK_REPEAT))
			v[i].base *= RISK_REPEAT_X;
	}
}

/* The most pointed() of the counts of idx's channel on the days after
 * from to day: a channel taken up with one ordinary file and used again
 * with two is not one file (irm-gen -u 200 -d 60 -s 41 without HR rows:
 * a leaver's first upload to Dropbox of one file, then two a day). */
static int
pointed_after(const struct user *u, int idx, int64_t from, int64_t day)
{
	int i, j, most = 0, k;

	for (i = 0; i < u->ndays && u->days[i].day <= day; i++) {
		if (u->days[i].day <= from)
			continue;
		for (j = 0; j < u->days[i].nind; j++) {
			if (irm_indicator_channel(u->days[i].ind[j].idx) !=
			    irm_indicator_channel(idx))
				continue;
			k = pointed(&u->days[i].ind[j]);
			most = k > most ? k : most;
		}
	}
	return most;
}

/* Add pt, of a count of the days to day, to the n parts of v: one part
 * per channel (irm_indicator_channel), its strongest (the hours part is
 * one of its own): one mail to the user's own Gmail is one thing done,
 * not the three indicators it matches.  Returns the new n. */
static int
add_part(struct part *v, int n, struct part *pt, int64_t day)
{
	int k;

	/* Exact: a power of two. */
	pt->x = ldexp(1, -(int)((day - pt->day) / RISK_HALF));
	for (k = 0; k < n; k++)
		if ((v[k].kind == RISK_HOURS) == (pt->kind == RISK_HOURS) &&
		    (pt->kind == RISK_HOURS ||
		        irm_indicator_channel(v[k].idx) ==
		            irm_indicator_channel(pt->idx)))
			break;
	if (k == n) {
		v[n++] = *pt;
		return n;
	}
	pt->pointed = pt->pointed > v[k].pointed ? pt->pointed : v[k].pointed;
	if (pt->base * pt->x > v[k].base * v[k].x)
		v[k] = *pt;
	else
		v[k].pointed = pt->pointed;
	return n;
}

/* Does idx take data into the user's own hands (removable media, a
 * personal cloud, personal mail), rather than to a business recipient?
 * A salesperson who leaves sends customers more attachments in the last
 * weeks: a handover (irm-gen -f cert, seed 5). */
static int
own_hands(int idx)
{
	static const char *const names[] = {"usb_copy", "bluetooth_transfer",
	    "cloud_upload", "email_personal_domain", "email_self", "rdp_copy"};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(irm_indicators[idx].name, names[i]) == 0)
			return 1;
	return 0;
}

/*
 * Did a leaver's exfiltration indicator among the n parts of v rise on
 * RISK_REPEAT days or more of the two weeks to day?  Returns those days
 * (the most of any indicator), 0 for none.  CERT's job hunter copies to
 * USB media at several times the user's own rate on most days of the
 * last two, and nothing else: one channel, ordinary files, working
 * hours.  A sustained rise is no try and no handover, which a first
 * copy is.
 */
static int
sustained_rise(const struct user *u, const struct part *v, int n, int64_t day)
{
	int i, days, most = 0;

	for (i = 0; i < n; i++) {
		if (v[i].kind == RISK_HOURS || !own_hands(v[i].idx))
			continue;
		days = part_days(u, v[i].idx, day, 1, 1);
		if (days >= RISK_REPEAT && days > most)
			most = days;
	}
	return most;
}

/*
 * Did the user take up RISK_NEW_CHANNELS channels or more into the own
 * hands in the two weeks to day, each new for the user (on the full
 * history: see RISK_MIN_DAYS) and pointed at the data, one of them by
 * more than one ordinary file to an unallowed domain or by priority
 * content (pointed), and use them on RISK_NEW_DAYS_USED days or more
 * between them?  Returns those days, 0 for no; *k the channels.  A
 * leaver who tells no one copies a few labelled files to USB media, mails
 * some home and uploads some, none of it much (irm-gen's thin
 * multi-channel leaver without HR rows); a new tool or two for a file of
 * one's own is no such thing.
 */
static int
new_channels(
    const struct user *u, const struct part *v, int n, int64_t day, int *k)
{
	int i, days = 0, yes = 0;

	*k = 0;
	for (i = 0; i < n; i++) {
		if (v[i].kind != RISK_NEW || !own_hands(v[i].idx) ||
		    v[i].x < 0.5 || !v[i].pointed)
			continue;
		(*k)++;
		yes |= v[i].pointed == POINT_YES;
		days += part_days(u, v[i].idx, day, 0, 0);
	}
	return *k >= RISK_NEW_CHANNELS && days >= RISK_NEW_DAYS_USED && yes
	    ? days
	    : 0;
}

static void
risk_policy(struct irm_engine *g, struct user *u, int pol, const struct uday *d,
    struct irm_buf *out)
{
	const struct irm_policy *p = &g->o.policies[pol];
	struct part v[RISK_PARTS];
	struct factor f[2];
	const struct trig *t, *o;
	char day[IRM_TIME_LEN], why[64];
	double sum = 0;
	int i, j, n = 0, nf = 1, score, sev, ninds = 0, pointed = 0;
	int own = 0, strong, nights = 0, risen, taken = 0, nch = 0;
	struct part pt, hp;
	struct cum *c;

	/* Weak signals add up for a user an event of the policy's triggers
	 * put in scope; the user's own exfiltration, itself a count, only
	 * with night work or new channels: new things are common enough
	 * otherwise (measured by make eval). */
	if (!p->user_risk || !irm_eng_in_scope(g, u, p, d->day, &t) ||
	    (t = irm_eng_risk_trigger(u, p, d->day, 0)) == NULL)
		return;
	/* In scope by its own exfiltration first, by a DLP match later:
	 * the match is the reason. */
	if (t->type == IRM_TRIG_EXFIL) {
		o = irm_eng_risk_trigger(u, p, d->day, IRM_TRIG_EXFIL);
		own = o == NULL;
		t = own ? t : o;
	}
	/* Alone, the user's own exfiltration is a reason with an hours part
	 * of RISK_OWN_NIGHTS days, which has checked the user's history
	 * itself, so the parts take a leaver's: see RISK_MIN_DAYS. */
	strong = strong_trigger(t) || own;
	/* The hours part first: most users have none.  Evenings and weekends of
	 * two days are a salesperson's week as often as a theft (make
	 * eval-full: 1 of 948 users without a scenario, a traveller; 3 in
	 * 9,000 on irm-gen tenants under the default templates, one of them
	 * high). */
	nights = hours_part(g->o.settings, u, p, d->day, strong, &hp);
	/* Without it, only with new channels (new_channels), on the user's
	 * full history as for a trigger that is no reason of its own. */
	if (own && nights < RISK_OWN_NIGHTS) {
		strong = 0;
		nights = 0;
	}
	for (i = 0; i < u->ndays && n < RISK_PARTS; i++) {
		const struct uday *x = &u->days[i];

		if (x->day <= d->day - RISK_DAYS || x->day > d->day)
			continue;
		for (j = 0; j < x->nind && n < RISK_PARTS; j++)
			if (part_of(p, x, &x->ind[j], strong, &pt))
				n = add_part(v, n, &pt, d->day);
	}
	if (nights > 0 && n < RISK_PARTS)
		n = add_part(v, n, &hp, d->day);
	/* Parts older than two weeks, and staging, add their points but
	 * are no longer independent indicators of their own; staging's
	 * priority content points at nothing leaving.  One ordinary file to
	 * the user's own Dropbox points only after the trigger (not the
	 * user's own exfiltration, which is the file itself): before it,
	 * where the look-back reaches, it is the user's business as often as
	 * not (irm-gen -u 200 -d 60 -s 3 --personal 10: a leaver's first
	 * USB copy, anonymous link and upload of a file of his own to
	 * Dropbox, in the two weeks before he resigned, were a medium alert
	 * of 60). */
	for (i = 0; i < n; i++) {
		if (v[i].pointed == POINT_ONE && v[i].kind != RISK_HOURS &&
		    pointed_after(u, v[i].idx, v[i].day, d->day) == POINT_YES)
			v[i].pointed = POINT_YES;
		ninds += v[i].x >= 0.5 && !staging(v[i].idx);
		pointed |= part_points(&v[i], t);
	}
	risen = strong_trigger(t) ? sustained_rise(u, v, n, d->day) : 0;
	if (own && !strong) {
		taken = new_channels(u, v, n, d->day, &nch);
		if (!taken)
			return;
	}
	if (ninds < (strong || taken ? RISK_MIN_STRONG : RISK_MIN_INDS) &&
	    !risen)
		return;
	/* New channels for ordinary files in working hours are a new job,
	 * or a handover, as often as a leak: in a data policy something
	 * must point at the data (make eval-full: a quiet leaver's first
	 * USB copy and upload to the company's Box made a medium alert). */
	if (!pointed && !risen && takes_data(p))
		return;
	repeated(u, v, n, d->day, strong, nights);
	for (i = 0; i < n; i++)
		sum += v[i].base * v[i].x;
	f[0] = (struct factor){"risk", "", 0, sum};
	why[0] = '\0';
	if (risen)
		snprintf(
		    why, sizeof(why), ", a leaver's rise on %d days", risen);
	else if (taken)
		snprintf(why, sizeof(why), ", %d new channels used on %d days",
		    nch, taken);
	snprintf(f[0].detail, sizeof(f[0].detail),
	    "%d parts, %d indicators of the last 14 days >= %d%s, over the %d days to the day",
	    n, ninds, strong || taken ? RISK_MIN_STRONG : RISK_MIN_INDS, why,
	    RISK_DAYS);
	f[nf++] = (struct factor){
	    "trigger", "an event of the policy's triggers", 1.5, 0};
	score = (int)fmin(100, floor(sum * f[1].x + 0.5));
	if (!irm_eng_reaches(g, p, f, nf))
		return;
	sev = irm_severity_of(score);
	c = irm_eng_cum_get(u, pol, CUM_MARK_RISK);
	if (c->day != INT64_MIN && d->day - c->day < RISK_EVERY &&
	    sev <= c->level)
		return;
	c->day = d->day;
	c->level = sev;
	irm_eng_insight_head(out, p, u->name, d->day, "risk", score, day);
	irm_buf_printf(out,
	    "},\"irm\":{\"insight\":\"risk\",\"day\":"
	    "\"%.10s\",\"count\":%d,\"score\":%d,\"severity\":\"%s\","
	    "\"revision\":0",
	    day, n, score, irm_severity_name(sev));
	irm_eng_write_factors(out, f, nf);
	write_parts(out, v, n);
	irm_eng_write_trigger(out, t);
	irm_buf_printf(out,
	    ",\"evidence\":{\"count\":%d,\"ids\":[],\"files\":[],"
	    "\"targets\":[]}}}\n",
	    n);
}

void
irm_risk_score(struct irm_engine *g, struct user *u, const struct uday *d,
    int types, uint64_t pols, struct irm_buf *out)
{
	size_t pol;

	for (pol = 0; pol < g->o.npolicies; pol++)
		if ((types == ~0 || (g->o.policies[pol].triggers & types)) &&
		    (pols >> pol & 1))
			risk_policy(g, u, (int)pol, d, out);
}
