/*
 * score_peers.c - the peers of user risk: per department of the
 * settings' directory (and the organization), for a day, the users with
 * a count of any indicator in the 30 days to it, those with a count of
 * each indicator, and those whose count rose on the day (irm-score(1)
 * User risk).  A first count that half of the peers have is not new; a
 * rise a third of the department shares is the calendar's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_score.h"
#include "score_int.h"

#define SHARED_PEERS 5 /* a department's rise: this many others at least */
#define SHARED_USERS 3 /* ... this many of them rose on the day */
#define SHARED_X 2     /* a peer's rise: this many times the own mean */
#define SHARED_DIV 3   /* ... a third of those who had the indicator */
#define PEER_DAYS 32   /* the peers' counts of this many days kept */

/*
 * The peers' counts for the day being scored: per department of the
 * settings' directory (the last group: the organization), the users with
 * a count of any indicator in the RISK_DAYS days to the day (the engine's
 * users and, partitioned, the population's others) and, per indicator, those
 * with a count of it.  Computed on the first need of a day, for every
 * user at once; its size is departments x indicators.
 */
struct irm_peers {
	int64_t day;
	const char **dept; /* borrowed from the directory, sorted */
	size_t ndept;
	uint32_t *active; /* ndept + 1 */
	uint32_t *had;    /* (ndept + 1) x irm_nindicators */
	uint32_t *rose;   /* the same: those with a rise on the day */
	uint32_t *top;    /* the same x 2: the largest two counts of those */
	struct irm_peers *next; /* the other days kept */
};

static int
cmp_str_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The group of a user: its department's index, or ndept (none). */
static size_t
peer_group(
    const struct irm_engine *g, const struct irm_peers *pc, const char *user)
{
	const struct irm_person *who = irm_directory_find(g->o.settings, user);
	const char **hit;

	if (who == NULL || who->department == NULL || pc->ndept == 0)
		return pc->ndept;
	hit = bsearch(&who->department, pc->dept, pc->ndept, sizeof(*pc->dept),
	    cmp_str_ptr);
	return hit ? (size_t)(hit - pc->dept) : pc->ndept;
}

static struct irm_peers *
peers_new(const struct irm_engine *g)
{
	const struct irm_settings *s = g->o.settings;
	struct irm_peers *pc = irm_xcalloc(1, sizeof(*pc));
	size_t i, k = 0;

	pc->day = INT64_MIN;
	pc->dept = irm_xcalloc(s->npeople + 1, sizeof(*pc->dept));
	for (i = 0; i < s->npeople; i++)
		if (s->people[i].department && s->people[i].department[0])
			pc->dept[k++] = s->people[i].department;
	qsort(pc->dept, k, sizeof(*pc->dept), cmp_str_ptr);
	for (i = 0; i < k; i++)
		if (pc->ndept == 0 ||
		    strcmp(pc->dept[pc->ndept - 1], pc->dept[i]) != 0)
			pc->dept[pc->ndept++] = pc->dept[i];
	/* PEER_DAYS of these are kept: the departments, not the people. */
	pc->dept = irm_xrealloc(pc->dept, (pc->ndept + 1) * sizeof(*pc->dept));
	pc->active = irm_xcalloc(pc->ndept + 1, sizeof(*pc->active));
	pc->had =
	    irm_xcalloc((pc->ndept + 1) * irm_nindicators, sizeof(*pc->had));
	pc->rose =
	    irm_xcalloc((pc->ndept + 1) * irm_nindicators, sizeof(*pc->rose));
	pc->top = irm_xcalloc(
	    (pc->ndept + 1) * irm_nindicators * 2, sizeof(*pc->top));
	return pc;
}

/* One active user of group gi, with the indicators seen, into pc. */
static void
peers_add(struct irm_peers *pc, size_t gi, const unsigned char *seen)
{
	size_t j, org = pc->ndept;

	for (j = 0; j < irm_nindicators; j++) {
		if (gi != org)
			pc->had[gi * irm_nindicators + j] += seen[j];
		pc->had[org * irm_nindicators + j] += seen[j];
	}
	if (gi != org)
		pc->active[gi]++;
	pc->active[org]++;
}

/*
 * A user's counts of the RISK_DAYS days before the day scored (sum, by
 * indicator) and the days of those with a count of any (busy), to tell a
 * rise of a peer's count on the day.  A day without a count is not
 * told apart from a day without an event: the population of a
 * partitioned run (irm(7) SCALE) holds only counts.
 */
struct own30 {
	double *sum;
	int busy;
	int64_t last;
};

static void
own_reset(struct own30 *o)
{
	memset(o->sum, 0, irm_nindicators * sizeof(*o->sum));
	o->busy = 0;
	o->last = INT64_MIN;
}

static void
own_add(struct own30 *o, int idx, int64_t day, int64_t on, uint32_t n)
{
	if (n == 0 || day >= on || day < on - RISK_DAYS)
		return;
	o->sum[idx] += n;
	if (day != o->last)
		o->busy++;
	o->last = day;
}

/* Is a count n of idx on the day a rise for a user with the counts o
 * before it (SHARED_X times the user's mean per busy day)?  A first
 * count in those days is something new, as in irm_risk_mark, not a rise:
 * two leavers' first USB copies made a third one's rise the
 * department's (irm-gen -f cert). */
static int
rose(const struct own30 *o, int idx, uint32_t n)
{
	return n > 0 && o->busy >= OWN_MIN_DAYS && o->sum[idx] > 0 &&
	    n >= SHARED_X * o->sum[idx] / o->busy;
}

/* Count n into the largest two counts at top. */
static void
top_add(uint32_t *top, uint32_t n)
{
	if (n > top[0]) {
		top[1] = top[0];
		top[0] = n;
	} else if (n > top[1])
		top[1] = n;
}

/* A peer's rise into the group's rose. */
static void
own_rose(
    struct irm_peers *pc, size_t gi, const struct own30 *o, int idx, uint32_t n)
{
	size_t k = gi * irm_nindicators + (size_t)idx,
	       org = pc->ndept * irm_nindicators + (size_t)idx;

	if (!rose(o, idx, n))
		return;
	if (gi != pc->ndept) {
		pc->rose[k]++;
		top_add(pc->top + 2 * k, n);
	}
	pc->rose[org]++;
	top_add(pc->top + 2 * org, n);
}

/* Is u's count of idx on day (*count) a rise by the peers' measure?
 * Then it is among the group's rose. */
static int
self_rose(const struct user *u, int idx, int64_t day, uint32_t *count)
{
	struct own30 o = {irm_xcalloc(irm_nindicators, sizeof(double)), 0, 0};
	uint32_t n = 0;
	int j, k, r;

	own_reset(&o);
	for (j = 0; j < u->ndays; j++)
		for (k = 0; k < u->days[j].nind; k++) {
			own_add(&o, u->days[j].ind[k].idx, u->days[j].day, day,
			    u->days[j].ind[k].n);
			if (u->days[j].day == day &&
			    u->days[j].ind[k].idx == idx)
				n = u->days[j].ind[k].n;
		}
	r = rose(&o, idx, n);
	free(o.sum);
	*count = n;
	return r;
}

/* Count every user's window of RISK_DAYS days to day into pc: the users
 * with a count of any indicator in it, and of which. */
static void
peers_count(const struct irm_engine *g, struct irm_peers *pc, int64_t day)
{
	unsigned char *seen = irm_xcalloc(irm_nindicators, 1);
	struct own30 o = {irm_xcalloc(irm_nindicators, sizeof(double)), 0, 0};
	const struct irm_popuser **others;
	size_t i, nothers, r;
	int j, k, any;

	memset(pc->active, 0, (pc->ndept + 1) * sizeof(*pc->active));
	memset(
	    pc->had, 0, (pc->ndept + 1) * irm_nindicators * sizeof(*pc->had));
	memset(
	    pc->rose, 0, (pc->ndept + 1) * irm_nindicators * sizeof(*pc->rose));
	memset(pc->top, 0,
	    (pc->ndept + 1) * irm_nindicators * 2 * sizeof(*pc->top));
	for (i = 0; i < g->capusers; i++) {
		const struct user *u = g->users[i];
		size_t gi;

		if (u == NULL)
			continue;
		gi = peer_group(g, pc, u->name);
		memset(seen, 0, irm_nindicators);
		any = 0;
		own_reset(&o);
		for (j = 0; j < u->ndays; j++)
			for (k = 0; k < u->days[j].nind; k++)
				own_add(&o, u->days[j].ind[k].idx,
				    u->days[j].day, day, u->days[j].ind[k].n);
		for (j = 0; j < u->ndays; j++) {
			if (u->days[j].day == day)
				for (k = 0; k < u->days[j].nind; k++)
					own_rose(pc, gi, &o,
					    u->days[j].ind[k].idx,
					    u->days[j].ind[k].n);
			if (u->days[j].day <= day - RISK_DAYS ||
			    u->days[j].day > day)
				continue;
			for (k = 0; k < u->days[j].nind; k++) {
				seen[u->days[j].ind[k].idx] |=
				    irm_eng_condition(
				        u, &u->days[j].ind[k], u->days[j].day);
				any = 1;
			}
		}
		if (any)
			peers_add(pc, gi, seen);
	}
	/* Partitioned (irm(7) SCALE): the users of the other partitions,
	 * from the population, so that the peers are those of one run. */
	nothers = irm_pop_others(g, &others);
	for (i = 0; i < nothers; i++) {
		size_t gi = peer_group(g, pc, others[i]->name);

		memset(seen, 0, irm_nindicators);
		any = 0;
		own_reset(&o);
		for (r = 0; r < others[i]->n; r++)
			own_add(&o, others[i]->c[r].idx, others[i]->c[r].day,
			    day, others[i]->c[r].n);
		for (r = 0; r < others[i]->n; r++) {
			if (others[i]->c[r].day == day)
				own_rose(pc, gi, &o, others[i]->c[r].idx,
				    others[i]->c[r].n);
			if (others[i]->c[r].day > day - RISK_DAYS &&
			    others[i]->c[r].day <= day && others[i]->c[r].n) {
				/* Their triggers are not here: an engine
				 * indicator's condition cannot be told. */
				seen[others[i]->c[r].idx] |=
				    !irm_indicators[others[i]->c[r].idx].engine;
				any = 1;
			}
		}
		if (any)
			peers_add(pc, gi, seen);
	}
	free(others);
	free(seen);
	free(o.sum);
	pc->day = day;
}

/* The peers' counts of day, computed on the first need of the day.  A
 * sequence's day is any of the days scored, so PEER_DAYS days are kept
 * (with 8, irm-gen -u 1000 -d 60 -s 3 counted 131 times for 61 days;
 * with 32, once a day), until a late event changes the counts
 * (irm_risk_peers_stale).  Each is departments x indicators. */
static struct irm_peers *
peers_of(struct irm_engine *g, int64_t day)
{
	struct irm_peers **pp = &g->peers, *pc;
	int n = 1;

	/* Most recently asked first; the last is reused when PEER_DAYS
	 * are kept. */
	for (; *pp && (*pp)->day != day && (*pp)->next; pp = &(*pp)->next)
		n++;
	pc = *pp;
	if (pc == NULL || (pc->day != day && n < PEER_DAYS)) {
		pc = peers_new(g);
		pc->next = g->peers;
		g->peers = pc;
	} else {
		*pp = pc->next;
		pc->next = g->peers;
		g->peers = pc;
	}
	if (pc->day != day)
		peers_count(g, pc, day);
	return pc;
}

void
irm_risk_peers_stale(struct irm_engine *g, int64_t day)
{
	struct irm_peers *pc;

	for (pc = g->peers; pc; pc = pc->next)
		if (pc->day >= day)
			pc->day = INT64_MIN;
}

/*
 * Does u share a rise of idx on day with its department: SHARED_USERS
 * others or more rose the same day, a SHARED_DIV'th or more of those who
 * had idx in the RISK_DAYS days to it?  Finance prints at a quarter's
 * end, all of it: a rise a department shares is the calendar's, not the
 * user's; a colleague's busy day is no calendar.  The day explains
 * counts of its size, up to SHARED_CAP times the largest of the others
 * who rose: four colleagues who recycled a file or two do not explain a
 * disgruntled user's 25 (irm-gen -u 100 -d 60 -s 311 with HR rows).
 * Departments only (the organization's busy days are everyone's), of
 * SHARED_PEERS others at least.  rose and had (NULL: not wanted) get the
 * others who rose and who had idx.
 */
int
irm_risk_shared_rise(struct irm_engine *g, const struct user *u, int idx,
    int64_t day, uint32_t *rose, uint32_t *had)
{
	struct irm_peers *pc = peers_of(g, day);
	size_t gi = peer_group(g, pc, u->name), k;
	uint32_t others, n, most;
	int self;

	if (gi == pc->ndept || pc->active[gi] < SHARED_PEERS + 1)
		return 0;
	k = gi * irm_nindicators + (size_t)idx;
	/* u had idx (on the day), and may be among those who rose. */
	self = self_rose(u, idx, day, &n);
	others = pc->rose[k] - (uint32_t)self;
	most =
	    self && n == pc->top[2 * k] ? pc->top[2 * k + 1] : pc->top[2 * k];
	if (rose)
		*rose = others;
	if (had)
		*had = pc->had[k] - 1;
	return others >= SHARED_USERS &&
	    (uint64_t)others * SHARED_DIV >= pc->had[k] - 1 &&
	    n <= SHARED_CAP * (uint64_t)most;
}

/*
 * How many of u's group (its department, or the organization when the
 * department has fewer than RISK_PEERS other active users), u included,
 * had a count of idx in the RISK_DAYS days to day; the group's active
 * users go to *npeers.
 */
uint32_t
irm_risk_peers_with(struct irm_engine *g, const struct user *u, int idx,
    int64_t day, uint32_t *npeers)
{
	struct irm_peers *pc;
	size_t gi;

	pc = peers_of(g, day);
	gi = peer_group(g, pc, u->name);
	if (gi != pc->ndept && pc->active[gi] <= RISK_PEERS)
		gi = pc->ndept;
	*npeers = pc->active[gi];
	return pc->had[gi * irm_nindicators + (size_t)idx];
}

void
irm_risk_free(struct irm_peers *pc)
{
	while (pc) {
		struct irm_peers *next = pc->next;

		free(pc->dept);
		free(pc->active);
		free(pc->had);
		free(pc->rose);
		free(pc->top);
		free(pc);
		pc = next;
	}
}

/*
 * On fewer than ROUTINE_MIN_DAYS active days of the user's in the 30
 * before day, did half of the user's peers or more (more than RISK_PEERS)
 * have a count of idx in the 30 days to day?  The department's routine
 * stands in for the user's, yet unknown, at the start of the data.
 */
int
irm_risk_common(
    struct irm_engine *g, const struct user *u, int idx, int64_t day)
{
	struct irm_peers *pc;
	uint32_t npeers, with;
	size_t gi;
	int active;

	irm_eng_own_mean(u, idx, day, &active);
	if (active >= ROUTINE_MIN_DAYS)
		return 0;
	pc = peers_of(g, day);
	gi = peer_group(g, pc, u->name);
	if (gi == pc->ndept || pc->active[gi] <= SHARED_PEERS)
		gi = pc->ndept;
	npeers = pc->active[gi];
	with = pc->had[gi * irm_nindicators + (size_t)idx];
	if (gi == pc->ndept && npeers <= RISK_PEERS)
		return 0;
	return with > 0 && (uint64_t)(with - 1) * RISK_PEER_DIV >= npeers - 1;
}
