/*
 * score_pop.c - the population of a partitioned run (irm(7) SCALE).
 *
 * First pass (--population-out): as days become final, every user's
 * daily count of each indicator is appended as a row; at the end, the
 * days whose events were read and the days whose events were counted.
 * Second pass (--population): the rows of every partition, read back, are
 * the users of the other partitions for the figures that span users, and
 * the days tell on which days one run over all the events would have
 * scored cumulative exfiltration, so that each partition scores it on the
 * same days.  Any figure that spans users takes its users from
 * irm_pop_others (the population's users the engine does not count) as
 * well as from the engine's own.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_score.h"
#include "score_int.h"

#define POP_HEADER "#irm-population 1"
#define POP_END "#end"

/* A sorted set of days. */
struct dayset {
	int64_t *v;
	size_t n, cap;
};

struct irm_pop {
	struct irm_popuser **u; /* open addressing by name */
	size_t nu, capu;
	struct irm_popuser **list; /* the users, sorted by name */
	struct dayset events, counted;
	int ready;
};

/* What an engine keeps for its population, first or second pass. */
struct irm_popstate {
	struct irm_buf *rows; /* first pass: rows go here */
	struct dayset events, counted;
	const struct irm_pop *pop; /* second pass */
	struct dayset cum;         /* the days of cumulative exfiltration */
	size_t next;               /* the first of them not scored yet */
};

/* ---------------------------------------------------------- day sets */

static int
cmp_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Add day; the set is kept sorted cheaply when days come in order. */
static void
dayset_add(struct dayset *s, int64_t day)
{
	if (s->n && s->v[s->n - 1] == day)
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = irm_xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n++] = day;
}

/* Sort and make unique. */
static void
dayset_sort(struct dayset *s)
{
	size_t i, k = 0;

	if (s->n == 0)
		return;
	qsort(s->v, s->n, sizeof(*s->v), cmp_day);
	for (i = 0; i < s->n; i++)
		if (k == 0 || s->v[k - 1] != s->v[i])
			s->v[k++] = s->v[i];
	s->n = k;
}

static void
dayset_free(struct dayset *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* ------------------------------------------------------- the file rows */

static void
put_day(struct irm_buf *b, int64_t day)
{
	char t[IRM_TIME_LEN];

	irm_time_format(day * DAY_MS, t);
	irm_buf_add(b, t, 10);
}

/* A user name with '%', controls and DEL as %XX, so a row is one line of
 * tab-separated fields. */
static void
put_user(struct irm_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f || c == '%')
			irm_buf_printf(b, "%%%02X", c);
		else
			irm_buf_addc(b, (char)c);
	}
}

/* Undo put_user in place; -1 for a bad escape. */
static int
get_user(char *s)
{
	char *o = s;
	int h, l;

	for (; *s; s++) {
		if (*s != '%') {
			*o++ = *s;
			continue;
		}
		if ((h = irm_hexval(s[1])) < 0 || (l = irm_hexval(s[2])) < 0)
			return -1;
		*o++ = (char)(h * 16 + l);
		s += 2;
	}
	*o = '\0';
	return 0;
}

static int
get_day(const char *s, int64_t *day)
{
	int flags = IRM_TIME_UTC;
	int64_t ms;

	if (strlen(s) != 10 || irm_time_parse(s, 10, &flags, &ms, NULL) == -1)
		return -1;
	*day = ms >= 0 ? ms / DAY_MS : -((-ms + DAY_MS - 1) / DAY_MS);
	return 0;
}

/* ----------------------------------------------------------- first pass */

static struct irm_popstate *
popstate(struct irm_engine *g)
{
	if (g->pop == NULL)
		g->pop = irm_xcalloc(1, sizeof(*g->pop));
	return g->pop;
}

void
irm_engine_population_out(struct irm_engine *g, struct irm_buf *rows)
{
	popstate(g)->rows = rows;
	irm_buf_printf(rows, "%s\n", POP_HEADER);
}

int
irm_pop_first(const struct irm_engine *g)
{
	return g->pop != NULL && g->pop->rows != NULL;
}

void
irm_pop_event(struct irm_engine *g, int64_t day, int counted)
{
	if (g->pop == NULL || g->pop->rows == NULL)
		return;
	dayset_add(counted ? &g->pop->counted : &g->pop->events, day);
}

void
irm_pop_final(struct irm_engine *g, const struct user *u, const struct uday *d)
{
	struct irm_buf *b;
	int i;

	if (g->pop == NULL || (b = g->pop->rows) == NULL)
		return;
	for (i = 0; i < d->nind; i++) {
		if (d->ind[i].n == 0)
			continue;
		irm_buf_add(b, "count\t", 6);
		put_user(b, u->name);
		irm_buf_addc(b, '\t');
		put_day(b, d->day);
		irm_buf_printf(b, "\t%s\t%u",
		    irm_indicators[d->ind[i].idx].name, d->ind[i].n);
		/* The cumulative measure of events to unallowed domains
		 * compares them too. */
		if (d->ind[i].unallowed)
			irm_buf_printf(b, "\t%u", d->ind[i].unallowed);
		irm_buf_addc(b, '\n');
	}
}

void
irm_engine_population_end(struct irm_engine *g)
{
	struct irm_popstate *ps = g->pop;
	size_t i;

	if (ps == NULL || ps->rows == NULL)
		return;
	dayset_sort(&ps->events);
	dayset_sort(&ps->counted);
	for (i = 0; i < ps->events.n; i++) {
		irm_buf_add(ps->rows, "events\t", 7);
		put_day(ps->rows, ps->events.v[i]);
		irm_buf_addc(ps->rows, '\n');
	}
	for (i = 0; i < ps->counted.n; i++) {
		irm_buf_add(ps->rows, "counted\t", 8);
		put_day(ps->rows, ps->counted.v[i]);
		irm_buf_addc(ps->rows, '\n');
	}
	irm_buf_printf(ps->rows, "%s\n", POP_END);
}

/* ---------------------------------------------------------- second pass */

struct irm_pop *
irm_pop_new(void)
{
	return irm_xcalloc(1, sizeof(struct irm_pop));
}

static struct irm_popuser *
pop_user(struct irm_pop *p, const char *name)
{
	size_t i, j;

	if (2 * (p->nu + 1) > p->capu) {
		struct irm_popuser **old = p->u;
		size_t oldcap = p->capu;

		p->capu = p->capu ? 2 * p->capu : 1024;
		p->u = irm_xcalloc(p->capu, sizeof(*p->u));
		for (i = 0; i < oldcap; i++) {
			if (old[i] == NULL)
				continue;
			j = irm_fnv1a(old[i]->name) & (p->capu - 1);
			while (p->u[j])
				j = (j + 1) & (p->capu - 1);
			p->u[j] = old[i];
		}
		free(old);
	}
	j = irm_fnv1a(name) & (p->capu - 1);
	for (; p->u[j]; j = (j + 1) & (p->capu - 1))
		if (strcmp(p->u[j]->name, name) == 0)
			return p->u[j];
	p->u[j] = irm_xcalloc(1, sizeof(**p->u));
	p->u[j]->name = irm_xstrdup(name);
	p->nu++;
	return p->u[j];
}

static int
indicator_index(const char *name)
{
	size_t i;

	for (i = 0; i < irm_nindicators; i++)
		if (strcmp(irm_indicators[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* One row of a population file; NULL, or what is wrong with it. */
static const char *
pop_row(struct irm_pop *p, char *line)
{
	char *f[6];
	const char *errstr;
	int n = 0, idx;
	int64_t day;
	long long c, unal;
	struct irm_popuser *u;
	struct irm_popcount *pc;

	f[n++] = line;
	for (; *line && n < 6; line++)
		if (*line == '\t') {
			*line = '\0';
			f[n++] = line + 1;
		}
	if (n == 2 &&
	    (strcmp(f[0], "events") == 0 || strcmp(f[0], "counted") == 0)) {
		if (get_day(f[1], &day) == -1)
			return "bad day";
		dayset_add(f[0][0] == 'e' ? &p->events : &p->counted, day);
		return NULL;
	}
	if ((n != 5 && n != 6) || strcmp(f[0], "count") != 0)
		return "not a population row";
	if (get_user(f[1]) == -1 || *f[1] == '\0')
		return "bad user";
	if (get_day(f[2], &day) == -1)
		return "bad day";
	if ((idx = indicator_index(f[3])) < 0)
		return "unknown indicator";
	c = irm_parse_num(f[4], 1, UINT32_MAX, &errstr);
	if (errstr)
		return "bad count";
	unal = n == 6 ? irm_parse_num(f[5], 0, c, &errstr) : 0;
	if (errstr)
		return "bad count of unallowed domains";
	u = pop_user(p, f[1]);
	if (u->n == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 16;
		u->c = irm_xrealloc(u->c, u->cap * sizeof(*u->c));
	}
	pc = &u->c[u->n++];
	pc->day = day;
	pc->idx = idx;
	pc->n = (uint32_t)c;
	pc->unal = (uint32_t)unal;
	p->ready = 0;
	return NULL;
}

int
irm_pop_load(struct irm_pop *p, const char *path, struct irm_error *e)
{
	char *argv[1] = {(char *)path};
	struct irm_input *in = irm_input_new(1, argv, (size_t)1 << 20);
	const char *why;
	int rc = 0, rl, open = 0, headed = 0;
	char *line;
	size_t len;

	if (irm_input_next_file(in, e) != 1) {
		irm_input_free(in);
		return -1;
	}
	while (rc == 0 &&
	    (rl = irm_input_getline(in, &line, &len, e)) == IRM_LINE_OK) {
		why = NULL;
		if (strcmp(line, POP_HEADER) == 0)
			why = open ? "a partition without its end" : NULL,
			open = headed = 1;
		else if (!open)
			why = "not a population file (no header)";
		else if (strcmp(line, POP_END) == 0)
			open = 0;
		else if (line[0] == '#')
			why = "not a population row";
		else
			why = pop_row(p, line);
		if (why)
			rc = irm_seterr(
			    e, "%s:%lu: %s", path, irm_input_lineno(in), why);
	}
	if (rc == 0 && rl != IRM_LINE_EOF)
		rc = rl == IRM_LINE_TOOLONG
		    ? irm_seterr(e, "%s:%lu: line too long", path,
		          irm_input_lineno(in))
		    : -1;
	if (rc == 0 && open)
		rc = irm_seterr(e, "%s: a partition without its end", path);
	/* An empty file lacks its header too (a partition never written). */
	if (rc == 0 && !headed)
		rc = irm_seterr(
		    e, "%s: not a population file (no header)", path);
	irm_input_free(in);
	return rc;
}

static int
cmp_count(const void *a, const void *b)
{
	const struct irm_popcount *x = a, *y = b;

	if (x->day != y->day)
		return (x->day > y->day) - (x->day < y->day);
	return (x->idx > y->idx) - (x->idx < y->idx);
}

static int
cmp_popuser(const void *a, const void *b)
{
	return strcmp((*(struct irm_popuser *const *)a)->name,
	    (*(struct irm_popuser *const *)b)->name);
}

/* Sort each user's counts and add up the rows of the same day and
 * indicator (the merge is associative); list the users by name. */
static void
pop_ready(struct irm_pop *p)
{
	size_t i, j, k, n = 0;

	if (p->ready)
		return;
	free(p->list);
	p->list = irm_xcalloc(p->nu + 1, sizeof(*p->list));
	for (i = 0; i < p->capu; i++) {
		struct irm_popuser *u = p->u[i];

		if (u == NULL)
			continue;
		qsort(u->c, u->n, sizeof(*u->c), cmp_count);
		for (j = 0, k = 0; j < u->n; j++)
			if (k && cmp_count(&u->c[k - 1], &u->c[j]) == 0) {
				u->c[k - 1].n += u->c[j].n;
				u->c[k - 1].unal += u->c[j].unal;
			} else
				u->c[k++] = u->c[j];
		u->n = k;
		p->list[n++] = u;
	}
	qsort(p->list, n, sizeof(*p->list), cmp_popuser);
	dayset_sort(&p->events);
	dayset_sort(&p->counted);
	p->ready = 1;
}

void
irm_pop_free(struct irm_pop *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->capu; i++)
		if (p->u[i]) {
			free(p->u[i]->name);
			free(p->u[i]->c);
			free(p->u[i]);
		}
	free(p->u);
	free(p->list);
	dayset_free(&p->events);
	dayset_free(&p->counted);
	free(p);
}

/*
 * The days on which one run over every event, in time order, scores
 * cumulative exfiltration: advance() in score_engine.c replayed over the
 * days events were read (each a tick) and counted (each a day held).
 */
struct sim {
	int64_t fb;          /* final before */
	const int64_t *pend; /* days held, not final: pend[a..b) */
	size_t a, b;
	struct dayset *out;
};

static void
sim_advance(struct sim *s, int64_t before, int flush)
{
	int64_t day;

	if (before <= s->fb && !flush)
		return;
	if (s->a < s->b)
		for (day = s->pend[s->a];
		     day < before && day <= s->pend[s->b - 1]; day++)
			dayset_add(s->out, day);
	while (s->a < s->b && s->pend[s->a] < before)
		s->a++;
	s->fb = before;
}

void
irm_engine_population(struct irm_engine *g, struct irm_pop *p, int finish)
{
	struct irm_popstate *ps = popstate(g);
	struct sim s = {g->final_before, NULL, 0, 0, &ps->cum};
	const struct dayset *t, *c;
	size_t i = 0, j = 0;
	int64_t day, lag = g->o.lag_days;

	pop_ready(p);
	ps->pop = p;
	t = &p->events;
	c = &p->counted;
	s.pend = c->v;
	while (i < t->n || j < c->n) {
		day = j == c->n || (i < t->n && t->v[i] < c->v[j]) ? t->v[i]
		                                                   : c->v[j];
		if (i < t->n && t->v[i] == day) {
			sim_advance(&s, day - lag, 0);
			i++;
		}
		if (j < c->n && c->v[j] == day) {
			/* The event counted was read too: its tick (the
			 * events rows say so already, unless the file was
			 * tampered with; the days walked then stay few). */
			sim_advance(&s, day - lag, 0);
			/* Never late: a day counted is at least its own
			 * tick's final boundary. */
			if (s.a == s.b)
				s.a = j;
			s.b = j + 1;
			j++;
		}
	}
	if (g->o.now != INT64_MIN && t->n &&
	    (day = g->o.now / DAY_MS - (g->o.now < 0 && g->o.now % DAY_MS)) >
	        t->v[t->n - 1])
		sim_advance(&s, day - lag, 0);
	if (finish)
		sim_advance(&s,
		    c->n && c->v[c->n - 1] + 1 > s.fb ? c->v[c->n - 1] + 1
		                                      : s.fb,
		    1);
}

void
irm_pop_range(
    const struct irm_engine *g, int64_t before, int64_t *lo, int64_t *hi)
{
	const struct irm_popstate *ps = g->pop;
	size_t k;

	if (ps == NULL || ps->pop == NULL || ps->next >= ps->cum.n ||
	    ps->cum.v[ps->next] >= before)
		return;
	if (ps->cum.v[ps->next] < *lo)
		*lo = ps->cum.v[ps->next];
	for (k = ps->next; k + 1 < ps->cum.n && ps->cum.v[k + 1] < before; k++)
		;
	if (ps->cum.v[k] > *hi)
		*hi = ps->cum.v[k];
}

int64_t
irm_pop_last(const struct irm_engine *g, int64_t last)
{
	const struct irm_popstate *ps = g->pop;

	if (ps && ps->pop && ps->cum.n && ps->cum.v[ps->cum.n - 1] > last)
		return ps->cum.v[ps->cum.n - 1];
	return last;
}

int64_t
irm_pop_next_day(const struct irm_engine *g, int64_t day)
{
	const struct irm_popstate *ps = g->pop;
	size_t k;

	if (ps == NULL || ps->pop == NULL)
		return day;
	for (k = ps->next; k < ps->cum.n; k++)
		if (ps->cum.v[k] >= day)
			return ps->cum.v[k];
	return INT64_MAX;
}

int
irm_pop_cumulative_day(struct irm_engine *g, int64_t day)
{
	struct irm_popstate *ps = g->pop;

	if (ps == NULL || ps->pop == NULL)
		return -1;
	while (ps->next < ps->cum.n && ps->cum.v[ps->next] < day)
		ps->next++;
	if (ps->next < ps->cum.n && ps->cum.v[ps->next] == day) {
		ps->next++;
		return 1;
	}
	return 0;
}

/* Does the engine count anything for u: is u one of its own users? */
static int
own(const struct user *u)
{
	int i;

	for (i = 0; u && i < u->ndays; i++)
		if (u->days[i].nind)
			return 1;
	return 0;
}

size_t
irm_pop_others(const struct irm_engine *g, const struct irm_popuser ***v)
{
	const struct irm_pop *p;
	size_t i, n = 0;

	*v = NULL;
	if (g->pop == NULL || (p = g->pop->pop) == NULL || p->nu == 0)
		return 0;
	*v = irm_xcalloc(p->nu, sizeof(**v));
	for (i = 0; i < p->nu; i++)
		if (!own(irm_eng_user(
		        (struct irm_engine *)g, p->list[i]->name, 0)))
			(*v)[n++] = p->list[i];
	return n;
}

size_t
irm_pop_nusers(const struct irm_engine *g)
{
	return g->pop && g->pop->pop ? g->pop->pop->nu : 0;
}

uint32_t
irm_popuser_exfil(const struct irm_popuser *u, const struct irm_policy *p,
    int64_t from, int64_t to, uint32_t *unal)
{
	uint32_t t = 0, prio = 0;
	size_t lo = 0, hi = u->n, m;
	struct irm_chan_sum c;

	*unal = 0;
	while (lo < hi) {
		m = (lo + hi) / 2;
		if (u->c[m].day < from)
			lo = m + 1;
		else
			hi = m;
	}
	c.k = 0;
	for (; lo < u->n && u->c[lo].day <= to; lo++) {
		if (c.k && u->c[lo].day != u->c[lo - 1].day) {
			irm_chan_total(&c, &t, &prio, unal);
			c.k = 0;
		}
		if (irm_indicators[u->c[lo].idx].exfiltration &&
		    p->ind[u->c[lo].idx].enabled)
			irm_chan_add(
			    &c, u->c[lo].idx, u->c[lo].n, 0, u->c[lo].unal);
	}
	irm_chan_total(&c, &t, &prio, unal);
	return t;
}

void
irm_pop_state_free(struct irm_popstate *ps)
{
	if (ps == NULL)
		return;
	dayset_free(&ps->events);
	dayset_free(&ps->counted);
	dayset_free(&ps->cum);
	free(ps);
}
