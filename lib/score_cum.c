/*
 * score_cum.c - cumulative exfiltration: on each final day, the users
 * whose exfiltration events over the last 30 days stand out among their
 * peers (their department, or the organization when the department is
 * too small), one insight per user and policy in 30 days unless the
 * percentile rises.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_score.h"
#include "score_int.h"

#define CUM_DAYS 30
#define CUM_MIN_PEERS 20
#define CUM_RISE 2        /* the rise over the user's own past */
#define CUM_RISE_MIN 10   /* events in the recent window, at least */
#define CUM_P99_PEERS 100 /* a 99th percentile needs 100 peers */
#define CUM_Z 3           /* a rise: this many standard deviations */
#define CUM_SHORT 14      /* the windows with less history */
#define CUM_WEEK 7        /* and with less still */
#define CUM_PRIO_SHARE 20 /* priority content: 1 event in 20 at least */

struct peer {
	struct user *u;
	const char *group; /* department, or NULL for the organization */
	int fallback;      /* the organization for a department too small */
	uint32_t total;
	uint32_t prio;
	uint32_t unallowed; /* events that involved an unallowed domain */
	int unal;           /* total counts only those (the second measure) */
	uint32_t all;       /* then the user's exfiltration events */
};

void
irm_chan_add(
    struct irm_chan_sum *c, int idx, uint32_t n, uint32_t prio, uint32_t unal)
{
	int ch = irm_indicator_channel(idx), i;

	for (i = 0; i < c->k && c->ch[i] != ch; i++)
		;
	if (i == c->k) {
		if (c->k == IRM_CHANS)
			return; /* more channels than indicators: none */
		c->ch[c->k++] = ch;
		c->n[i] = c->prio[i] = c->unal[i] = 0;
	}
	c->n[i] = c->n[i] > n ? c->n[i] : n;
	c->prio[i] = c->prio[i] > prio ? c->prio[i] : prio;
	c->unal[i] = c->unal[i] > unal ? c->unal[i] : unal;
}

void
irm_chan_total(const struct irm_chan_sum *c, uint32_t *total, uint32_t *prio,
    uint32_t *unal)
{
	int i;

	for (i = 0; i < c->k; i++) {
		*total += c->n[i];
		*prio += c->prio[i];
		*unal += c->unal[i];
	}
}

/* Add day d's exfiltration events counted by p to *total, those of them
 * that touched priority content to *prio and those that involved an
 * unallowed domain to *unal, a channel's once (irm_chan_add). */
static void
day_exfil(const struct uday *d, const struct irm_policy *p, uint32_t *total,
    uint32_t *prio, uint32_t *unal)
{
	struct irm_chan_sum c;
	int j;

	c.k = 0;
	for (j = 0; j < d->nind; j++) {
		const struct iday *id = &d->ind[j];

		if (irm_indicators[id->idx].exfiltration &&
		    p->ind[id->idx].enabled)
			irm_chan_add(
			    &c, id->idx, id->n, id->prio, id->unallowed);
	}
	irm_chan_total(&c, total, prio, unal);
}

/* A user's exfiltration events counted by p on the days from..to, those
 * of them that touched priority content and that involved an unallowed
 * domain (*unal, unless NULL), and the days of those on which the user
 * was active (had any event). */
static void
cum_range(const struct user *u, const struct irm_policy *p, int64_t from,
    int64_t to, uint32_t *total, uint32_t *prio, uint32_t *unal,
    uint32_t *active)
{
	uint32_t ignored;
	int i;

	if (unal == NULL)
		unal = &ignored;
	*total = *prio = *unal = *active = 0;
	for (i = 0; i < u->ndays; i++) {
		const struct uday *d = &u->days[i];

		if (d->day < from || d->day > to)
			continue;
		++*active;
		day_exfil(d, p, total, prio, unal);
	}
}

/* Were the user's exfiltration events counted by p over the 30 days to
 * day all ordinary mail to business recipients (irm_eng_handover)? */
static int
cum_handover(const struct user *u, const struct irm_policy *p, int64_t day)
{
	int i, j;

	for (i = 0; i < u->ndays; i++) {
		const struct uday *d = &u->days[i];

		if (d->day <= day - CUM_DAYS || d->day > day)
			continue;
		for (j = 0; j < d->nind; j++)
			if (irm_indicators[d->ind[j].idx].exfiltration &&
			    p->ind[d->ind[j].idx].enabled &&
			    !irm_eng_handover(&d->ind[j]))
				return 0;
	}
	return 1;
}

/* A user's exfiltration events counted by p over the 30 days to day. */
static void
cum_total(const struct user *u, const struct irm_policy *p, int64_t day,
    struct peer *pe)
{
	uint32_t active;

	cum_range(u, p, day - CUM_DAYS + 1, day, &pe->total, &pe->prio,
	    &pe->unallowed, &active);
}

/*
 * How far the recent count stands above what the user's earlier rate
 * predicts, in standard deviations: the n events of both windows split
 * between them by their active days (a binomial with the recent
 * window's share a of the active days), so that a rise of a few events
 * is no rise.  With no earlier active day, 99.9.
 */
static double
rise_z(uint32_t recent, uint32_t ra, uint32_t before, uint32_t ba)
{
	double n = (double)recent + before, a;

	if (ba == 0)
		return 99.9;
	a = (double)ra / ((double)ra + ba);
	if (n == 0 || a == 0)
		return 0;
	return (recent - n * a) / sqrt(n * a * (1 - a));
}

/* z to one decimal, rounded down, at most 99.9. */
static double
round_z(double z)
{
	return floor(fmin(z, 99.9) * 10) / 10;
}

/*
 * Is the user's recent exfiltration a rise over the user's own past?  With
 * 44 days of history or more (the first day the engine holds for the
 * user), the 30 days to day against the up to 30 days before them (at
 * least 14); with 28 to 43 days, the last 14 days against the days before
 * them; with 14 to 27 (a three-week extract of audit data), the last 7;
 * with less, never.  Rates are per active day (a day with any event
 * of the user), so that a holiday in the earlier window is no rise, and
 * per calendar day too, so that one in the recent window does not make
 * one of a few working days that each held the user's usual clump.  A
 * rise: the recent rate at least CUM_RISE times the earlier one (or no
 * active day earlier), CUM_RISE_MIN events or more in the recent window,
 * and CUM_Z standard deviations above the earlier rate (rise_z), the
 * last both ways.  Says which in detail.
 */
static int
cum_rise(const struct user *u, const struct irm_policy *p, int64_t day,
    int unal, char *detail, size_t size)
{
	int64_t first = u->ndays ? u->days[0].day : day, hist = day - first + 1;
	int64_t w, lb;
	uint32_t recent, before, prio, ur, ub, ra, ba;
	uint64_t lhs, rhs;
	double z, zc;

	if (hist >= CUM_DAYS + CUM_SHORT) {
		w = CUM_DAYS;
		lb = hist - CUM_DAYS < CUM_DAYS ? hist - CUM_DAYS : CUM_DAYS;
	} else if (hist >= 2 * CUM_SHORT) {
		w = CUM_SHORT;
		lb = hist - CUM_SHORT;
	} else if (hist >= 2 * CUM_WEEK) {
		w = CUM_WEEK;
		lb = hist - CUM_WEEK;
	} else {
		snprintf(detail, size, "%lld days of history < %d",
		    (long long)hist, 2 * CUM_WEEK);
		return 0;
	}
	cum_range(u, p, day - w + 1, day, &recent, &prio, &ur, &ra);
	cum_range(u, p, day - w - lb + 1, day - w, &before, &prio, &ub, &ba);
	if (unal) {
		recent = ur;
		before = ub;
	}
	/* recent / ra against before / ba, without dividing. */
	lhs = (uint64_t)recent * ba;
	rhs = (uint64_t)before * (ra ? ra : 1);
	z = rise_z(recent, ra, before, ba);
	zc = rise_z(recent, (uint32_t)w, before, (uint32_t)lb);
	snprintf(detail, size,
	    "%u%s in %u active days of the last %lld >= %d x %u in %u of the %lld before (per active day), >= %d, z %.1f >= %d; per calendar day too, z %.1f",
	    recent, unal ? " to unallowed domains" : "", ra, (long long)w,
	    CUM_RISE, before, ba, (long long)lb, CUM_RISE_MIN, round_z(z),
	    CUM_Z, round_z(zc));
	return recent >= CUM_RISE_MIN && lhs >= CUM_RISE * rhs && z >= CUM_Z &&
	    zc >= CUM_Z;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* The percentiles a user is compared with: those of a group of peers. */
struct pstat {
	int n; /* peers; 0 when too few to compare */
	uint32_t p90, p95, p99, median;
};

/* Nearest-rank percentiles 90, 95 and 99 and the median of t (sorted
 * here). */
static struct pstat
percentiles(uint32_t *t, size_t k)
{
	struct pstat ps = {0, 0, 0, 0, 0};

	if (k < CUM_MIN_PEERS)
		return ps;
	qsort(t, k, sizeof(*t), cmp_u32);
	ps.n = (int)k;
	ps.p90 = t[(k * 90 + 99) / 100 - 1];
	ps.p95 = t[(k * 95 + 99) / 100 - 1];
	ps.p99 = t[(k * 99 + 99) / 100 - 1];
	ps.median = t[(k - 1) / 2];
	return ps;
}

static int
cmp_group(const void *a, const void *b)
{
	const struct peer *x = *(const struct peer *const *)a;
	const struct peer *y = *(const struct peer *const *)b;

	if (x->group == NULL || y->group == NULL)
		return (x->group == NULL) - (y->group == NULL);
	return strcmp(x->group, y->group);
}

/*
 * Give each peer the percentiles of its department, or of the whole
 * organization (group NULL) when the department is too small: one sort
 * per group, not one per user.
 */
static void
peer_stats(struct peer *pe, size_t k, struct pstat *st)
{
	struct peer **by = irm_xcalloc(k + 1, sizeof(*by));
	uint32_t *t = irm_xcalloc(k + 1, sizeof(*t));
	struct pstat org, grp;
	size_t i, a, b;

	for (i = 0; i < k; i++)
		t[i] = pe[i].total;
	org = percentiles(t, k);
	for (i = 0; i < k; i++)
		by[i] = &pe[i];
	qsort(by, k, sizeof(*by), cmp_group);
	for (a = 0; a < k; a = b) {
		for (b = a + 1; b < k && cmp_group(&by[a], &by[b]) == 0; b++)
			;
		for (i = a; i < b; i++)
			t[i - a] = by[i]->total;
		grp = by[a]->group ? percentiles(t, b - a) : org;
		for (i = a; i < b; i++) {
			if (grp.n == 0 && by[i]->group) {
				by[i]->group = NULL;
				by[i]->fallback = 1;
			}
			st[by[i] - pe] = grp.n ? grp : org;
		}
	}
	free(by);
	free(t);
}

struct cum *
irm_eng_cum_get(struct user *u, int pol, int risk)
{
	int i;

	for (i = 0; i < u->ncum; i++)
		if (u->cum[i].pol == pol && u->cum[i].risk == risk)
			return &u->cum[i];
	u->cum = irm_xrealloc(u->cum, (size_t)(u->ncum + 1) * sizeof(*u->cum));
	u->cum[u->ncum] = (struct cum){pol, 0, INT64_MIN, risk};
	return &u->cum[u->ncum++];
}

/* Priority content enough to say so, as for a day's count: 3 events or
 * more, or all of them; a busy month's one or two priority files are the
 * work, not its target. */
/* Priority content in a month's exfiltration: 3 events or more, and 1 in
 * CUM_PRIO_SHARE of them, or all of them.  Three priority reports printed
 * among two hundred are a finance analyst's quarter end, not its target
 * (CUM_PRIO_SHARE; irm-gen's heavy-downloader look-alike was a high alert
 * for 3 of 146). */
static int
prio_enough(const struct peer *pe)
{
	return (pe->prio >= PRIO_MIN &&
	           (uint64_t)pe->prio * CUM_PRIO_SHARE >= pe->total) ||
	    (pe->prio > 0 && pe->prio == pe->total);
}

/* Most of the events touched priority content (3 or more). */
static int
prio_most(const struct peer *pe)
{
	return pe->prio >= PRIO_MIN && 2 * pe->prio > pe->total;
}

/* Most of the events to unallowed domains (3 or more): the user's volume
 * goes where the organization said it must not, not to its partners. */
static int
unallowed_most(const struct peer *pe)
{
	return pe->unallowed >= PRIO_MIN && 2 * pe->unallowed > pe->total;
}

/* 1 plus the share of n in total, to 2 decimals. */
static double
one_plus_share(uint32_t n, uint32_t total)
{
	return floor(100.0 * (1 + (double)n / total) + 0.5) / 100;
}

/* Write the insight unless under min_score or, within 30 days of the
 * last one written (c), not at a higher percentile. */
static void
emit_cum(struct irm_engine *g, const struct peer *pe, int pol, int64_t day,
    int pct, uint32_t bar, int npeers, const char *rise, const struct trig *t,
    struct cum *c, struct irm_buf *out)
{
	const struct irm_policy *p = &g->o.policies[pol];
	struct factor f[6];
	char d[IRM_TIME_LEN], peer[160];
	int nf = 1, score, sev, k;
	double prod = 1;

	snprintf(peer, sizeof(peer), "%s%s",
	    pe->group ? "department:" : "organization",
	    pe->group ? pe->group : "");
	f[0] = (struct factor){"cumulative", "", 0, pct == 99 ? 70 : 50};
	/* At the 90th percentile only with most of it priority content: its
	 * points are the 95th's (see irm_eng_cumulative). */
	snprintf(f[0].detail, sizeof(f[0].detail),
	    "%u exfiltration events%s in %d days >= p%d %u of %d peers (%.60s)",
	    pe->total, pe->unal ? " to unallowed domains" : "", CUM_DAYS, pct,
	    bar, npeers, peer);
	f[nf] = (struct factor){"own_rise", "", 1, 0};
	snprintf(f[nf++].detail, sizeof(f[0].detail), "%s", rise);
	/* 1.5 when some touched priority content, 1 plus their share (to
	 * 2 decimals) when most did: a slow leak of priority files weighs
	 * more than a busy user's few. */
	if (prio_enough(pe)) {
		f[nf] = (struct factor){"priority_content", "",
		    2 * pe->prio > pe->total
		        ? one_plus_share(pe->prio, pe->total)
		        : 1.5,
		    0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "%u of %u touched priority content", pe->prio, pe->total);
	}
	/* The second measure counts only those: x1.5, as for a day's count
	 * some of which involved unallowed domains. */
	if (pe->unal) {
		f[nf] = (struct factor){"unallowed_domain", "", 1.5, 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "%u of %u involved unallowed domains", pe->unallowed,
		    pe->all);
	} else if (unallowed_most(pe)) {
		/* 1 plus their share when most went to unallowed domains. */
		f[nf] = (struct factor){"unallowed_domain", "",
		    one_plus_share(pe->unallowed, pe->total), 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "%u of %u involved unallowed domains", pe->unallowed,
		    pe->total);
	}
	if (p->boost_priority_user &&
	    irm_priority_user(g->o.settings, pe->u->name))
		f[nf++] = (struct factor){"priority_user",
		    "member of a priority user group", 1.25, 0};
	/* At the 95th percentile, a department's busiest 5 per cent, the
	 * volume alone is no finding: it needs priority content or a
	 * trigger other than exfiltration itself. */
	if (pct == 95 && !prio_enough(pe) && !unallowed_most(pe) &&
	    !(t && t->type != IRM_TRIG_EXFIL))
		f[nf++] = (struct factor){"uncorroborated",
		    "no priority content, unallowed domains or trigger but exfiltration",
		    0.5, 0};
	else if (pct == 95 && t && t->type != IRM_TRIG_EXFIL &&
	    cum_handover(pe->u, p, day))
		f[nf++] = (struct factor){"uncorroborated",
		    "no signal but the trigger, which does not count for mail to business recipients only",
		    0.5, 0};
	else if (pct == 95 && t && irm_eng_stressor_after(t, day))
		f[nf++] = (struct factor){"uncorroborated",
		    "no signal but a trigger that came after the day", 0.5, 0};
	for (k = 1; k < nf; k++)
		prod *= f[k].x;
	score = (int)fmin(100, floor(f[0].points * prod + 0.5));
	if (!irm_eng_reaches(g, p, f, nf))
		return;
	if (c->day != INT64_MIN && day - c->day < CUM_DAYS && pct <= c->level)
		return;
	c->day = day;
	c->level = pct;
	sev = irm_eng_insight_head(
	    out, p, pe->u->name, day, "cumulative", score, d);
	irm_buf_printf(out,
	    "},\"irm\":{\"insight\":\"cumulative\",\"day\":"
	    "\"%.10s\",\"count\":%u,\"score\":%d,\"severity\":\"%s\","
	    "\"revision\":0,\"window_days\":%d,\"percentile\":%d,"
	    "\"peer\":",
	    d, pe->total, score, irm_severity_name(sev), CUM_DAYS, pct);
	irm_eng_quote_cut(out, peer);
	irm_eng_write_factors(out, f, nf);
	irm_eng_write_trigger(out, t);
	irm_buf_printf(out,
	    ",\"evidence\":{\"count\":%u,\"ids\":[],"
	    "\"files\":[],\"targets\":[]}}}\n",
	    pe->total);
}

/*
 * Score one peer on day: its count at the 95th or 99th percentile of its
 * group (st), or the 90th when most of it touched priority content, above
 * the median, in the policy's scope and a rise over the user's own past.
 * Says whether it was such a finding, written or not.
 */
static int
cum_user(struct irm_engine *g, const struct peer *pe, const struct pstat *st,
    size_t pol, int64_t day, struct irm_buf *out)
{
	const struct irm_policy *p = &g->o.policies[pol];
	const struct trig *t;
	char rise[160];
	int pct;

	/* Above the median too: in a flat group the ties at the 95th
	 * percentile are not outliers. */
	if (pe->u == NULL || st->n == 0 ||
	    pe->total < (prio_most(pe) ? st->p90 : st->p95) ||
	    pe->total <= st->median ||
	    !irm_eng_in_scope(g, pe->u, p, day, &t) ||
	    !cum_rise(pe->u, p, day, pe->unal, rise, sizeof(rise)))
		return 0;
	/* The organization stands in for a small department's peers, not as
	 * its equal: a busy department's member tops it every quarter end. */
	pct = st->n >= CUM_P99_PEERS && !pe->fallback && pe->total >= st->p99
	    ? 99
	    : pe->total >= st->p95 ? 95
	                           : 90;
	emit_cum(g, pe, (int)pol, day, pct,
	    pct == 99       ? st->p99
	        : pct == 95 ? st->p95
	                    : st->p90,
	    st->n, rise, t,
	    irm_eng_cum_get(
	        pe->u, (int)pol, pe->unal ? CUM_MARK_UNALLOWED : CUM_MARK_ALL),
	    out);
	return 1;
}

/*
 * Cumulative exfiltration on a final day: users whose exfiltration over
 * the last 30 days reaches the 95th or 99th percentile of their
 * department (or, when it has fewer than 20 users with any, of the
 * organization), or the 90th when most of it touched priority content,
 * and above its median, and is a rise over their own past (cum_rise).
 * A department's busiest are busy with ordinary files (finance at a
 * quarter's end): a slow leak of priority files stood under them (make
 * eval-full, seed 1).  The events to unallowed domains are then compared
 * on their own, for users the whole made no finding: a slow leak to
 * Dropbox stood under Sales' partner mail (seed 2).  A user gets one such
 * insight per policy in 30 days, unless the percentile rises.
 */
void
irm_eng_cumulative(struct irm_engine *g, struct user **v, size_t n, int64_t day,
    struct irm_buf *out)
{
	size_t m = n + irm_pop_nusers(g) + 1;
	struct peer *pe = irm_xcalloc(m, sizeof(*pe));
	struct peer *pu = irm_xcalloc(m, sizeof(*pu));
	struct pstat *st = irm_xcalloc(m, sizeof(*st));
	char *done = irm_xcalloc(m, 1);
	const struct irm_popuser **others;
	size_t nothers = irm_pop_others(g, &others);
	const struct irm_person *who;
	size_t pol, i, k;

	for (pol = 0; pol < g->o.npolicies; pol++) {
		const struct irm_policy *p = &g->o.policies[pol];

		if (!p->cumulative)
			continue;
		for (i = 0, k = 0; i < n; i++) {
			cum_total(v[i], p, day, &pe[k]);
			if (pe[k].total == 0)
				continue;
			who = irm_directory_find(g->o.settings, v[i]->name);
			pe[k].u = v[i];
			pe[k].group = who ? who->department : NULL;
			pe[k].fallback = 0;
			k++;
		}
		/* Partitioned: the peers of the other partitions too. */
		for (i = 0; i < nothers; i++) {
			pe[k].total = irm_popuser_exfil(others[i], p,
			    day - CUM_DAYS + 1, day, &pe[k].unallowed);
			if (pe[k].total == 0)
				continue;
			who =
			    irm_directory_find(g->o.settings, others[i]->name);
			pe[k].u = NULL;
			pe[k].prio = 0;
			pe[k].group = who ? who->department : NULL;
			pe[k].fallback = 0;
			k++;
		}
		peer_stats(pe, k, st);
		for (i = 0; i < k; i++)
			done[i] = cum_user(g, &pe[i], &st[i], pol, day, out);
		/* The second measure: the events to unallowed domains alone
		 * (none without such domains in the settings). */
		for (i = 0; i < k && pe[i].unallowed == 0; i++)
			;
		if (i == k)
			continue;
		for (i = 0; i < k; i++) {
			pu[i] = pe[i];
			pu[i].total = pe[i].unallowed;
			pu[i].all = pe[i].total;
			pu[i].prio = 0;
			pu[i].unal = 1;
		}
		peer_stats(pu, k, st);
		for (i = 0; i < k; i++)
			if (!done[i] && pu[i].total > 0)
				cum_user(g, &pu[i], &st[i], pol, day, out);
	}
	free(others);
	free(done);
	free(st);
	free(pu);
	free(pe);
}
