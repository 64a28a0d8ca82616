/*
 * gen_day.c - what irm-gen's users do on a day: the ordinary work of
 * their department (logons, files, mail, prints, badge swipes, and the
 * noise every tenant has: sync clients, signature images, evening mail,
 * weekend work, legitimate USB copies and shares), then, for the planted
 * users, their scenario.  Each user and day draws from its own random
 * stream, so planting a scenario changes nobody else's records.
 */
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "gen_int.h"

struct ctx {
	const struct gen_world *g;
	const struct gen_user *u;
	uint32_t ui;
	int day;
	uint64_t s;
	struct gen_acts *v;
};

static struct gen_act *
gen_act_add(struct gen_acts *v)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 4096;
		v->a = irm_xrealloc(v->a, v->cap * sizeof(*v->a));
	}
	memset(&v->a[v->n], 0, sizeof(v->a[0]));
	return &v->a[v->n++];
}

/* UTC seconds of a local minute of the day, with random seconds. */
static int64_t
at(struct ctx *c, int minute)
{
	return c->g->day0[c->day] + (int64_t)minute * 60 -
	    c->g->offset[c->day] + irm_gen_below(&c->s, 60);
}

static struct gen_act *
act(struct ctx *c, int64_t t, int kind, int arg, uint32_t file, uint32_t flags)
{
	struct gen_act *a = gen_act_add(c->v);

	a->t = t;
	a->r = irm_gen_next(&c->s);
	a->user = c->ui;
	a->kind = (uint16_t)kind;
	a->arg = (uint16_t)arg;
	a->file = file;
	a->flags = flags;
	return a;
}

/* A file of the department; popular files more often. */
static uint32_t
dept_file(struct ctx *c, unsigned dept)
{
	unsigned a = irm_gen_below(&c->s, GEN_FILES_PER_DEPT);
	unsigned b = irm_gen_below(&c->s, GEN_FILES_PER_DEPT);

	return GEN_FILE(dept, a < b ? a : b);
}

static uint32_t
some_file(struct ctx *c)
{
	unsigned d = c->u->dept;

	if (irm_gen_below(&c->s, 100) < 15)
		d = irm_gen_below(&c->s, irm_gen_ndepts);
	return dept_file(c, d);
}

/* The n-th labelled (Highly Confidential or Confidential) file of the
 * user's department, counting from a point of the user's own. */
static uint32_t
nth_file(const struct ctx *c, unsigned n, int worst)
{
	unsigned k = (unsigned)(irm_gen_mix(c->ui) % GEN_FILES_PER_DEPT), i;
	uint32_t f = 0;
	int l;

	for (i = 0; i < 4 * GEN_FILES_PER_DEPT; i++) {
		f = GEN_FILE(c->u->dept, (k + i) % GEN_FILES_PER_DEPT);
		l = irm_gen_file_label(f);
		if (l >= 0 && l <= worst && n-- == 0)
			break;
	}
	return f;
}

static uint32_t
labelled_file(const struct ctx *c, unsigned n)
{
	return nth_file(c, n, 1);
}

/* The department's crown jewels: Highly Confidential files. */
static uint32_t
top_file(const struct ctx *c, unsigned n)
{
	return nth_file(c, n, 0);
}

static uint32_t
personal_file(struct ctx *c)
{
	return GEN_FILE(irm_gen_ndepts, irm_gen_below(&c->s, 40));
}

/* A document of the user's own on the laptop, never in the cloud: most
 * prints and copies are of these, so they start no sequence. */
static uint32_t
local_file(struct ctx *c)
{
	if (irm_gen_below(&c->s, 100) < 5)
		return some_file(c);
	return GEN_FILE(irm_gen_ndepts, 100 + irm_gen_below(&c->s, 140));
}

/* A moment of the working day. */
static int
work_minute(struct ctx *c, int start, int len)
{
	return start + (int)irm_gen_below(&c->s, (unsigned)len);
}

static void
files(struct ctx *c, int start, int len, double level)
{
	const struct gen_dept *d = &irm_gen_depts[c->u->dept];
	static const double od[GEN_NOPS] = {2, 1.5, 0.3, 0.8, 0, 0.1};
	double sp[GEN_NOPS];
	unsigned op, i, n;

	sp[GEN_OP_ACCESS] = d->access;
	sp[GEN_OP_MODIFY] = 3;
	sp[GEN_OP_DOWNLOAD] = d->download;
	sp[GEN_OP_UPLOAD] = 0.8;
	sp[GEN_OP_SYNC] = 0;
	sp[GEN_OP_RECYCLE] = 0.3;
	for (op = 0; op < GEN_NOPS; op++) {
		n = irm_gen_poisson(&c->s, sp[op] * level);
		for (i = 0; i < n; i++)
			act(c, at(c, work_minute(c, start, len)), GEN_K_SP,
			    (int)op, some_file(c), GEN_F_LABELLED);
		n = irm_gen_poisson(&c->s, od[op] * level);
		for (i = 0; i < n; i++)
			act(c, at(c, work_minute(c, start, len)), GEN_K_SP,
			    (int)op, personal_file(c), GEN_F_ONEDRIVE);
	}
	/* A sync client fetching a library: a burst seconds apart. */
	if (irm_gen_unit(&c->s) < d->sync) {
		int64_t t = at(c, work_minute(c, start, len));
		uint32_t f = dept_file(c, c->u->dept);

		n = 10 + irm_gen_poisson(&c->s, 20 * level);
		for (i = 0; i < n; i++)
			act(c, t + 2 * i, GEN_K_SP, GEN_OP_SYNC,
			    GEN_FILE(GEN_FILE_DEPT(f),
			        (GEN_FILE_K(f) + i) % GEN_FILES_PER_DEPT),
			    GEN_F_LABELLED);
	}
}

static uint32_t
dlp_severity(struct ctx *c)
{
	unsigned r = irm_gen_below(&c->s, 1000);

	return r < 3 ? GEN_F_HIGH : r < 300 ? GEN_F_MEDIUM : 0;
}

static void
mail(struct ctx *c, int start, int len, double level)
{
	const struct gen_dept *d = &irm_gen_depts[c->u->dept];
	unsigned i, n = irm_gen_poisson(&c->s, d->sends * level);
	int64_t t;

	for (i = 0; i < n; i++) {
		int att = irm_gen_below(&c->s, 100) < 30
		    ? 1 + (int)irm_gen_below(&c->s, 3)
		    : 0;
		uint32_t sig = irm_gen_below(&c->s, 100) < 40 ? GEN_F_SIG : 0;

		t = at(c, work_minute(c, start, len));
		act(c, t, GEN_K_SEND, att, some_file(c), sig);
		if (irm_gen_unit(&c->s) < d->dlp)
			act(c, t + 2, GEN_K_DLP,
			    irm_gen_below(&c->s, 4) == 0 ? GEN_TO_PARTNER
			                                 : GEN_TO_CUSTOMER,
			    some_file(c), dlp_severity(c));
	}
}

static void
shares(struct ctx *c, int start, int len)
{
	const struct gen_dept *d = &irm_gen_depts[c->u->dept];
	const double rate[] = {0.2, d->guest, 0, d->anon, 0.05};
	unsigned sh, i, n;

	for (sh = 0; sh < 5; sh++) {
		n = irm_gen_poisson(&c->s, rate[sh]);
		for (i = 0; i < n; i++)
			act(c, at(c, work_minute(c, start, len)), GEN_K_SHARE,
			    (int)sh,
			    sh == GEN_SH_ANON ? dept_file(c, c->u->dept)
			                      : some_file(c),
			    0);
	}
}

static void
endpoint(struct ctx *c, int start, int len, double level)
{
	const struct gen_dept *d = &irm_gen_depts[c->u->dept];
	static const double rate[] = {
	    0, 0, 0, 0.2, 0.02, 0, 0.5, 0.15, 0.4, 0.05, 0.03};
	unsigned op, i, n;
	int64_t t;

	n = irm_gen_poisson(&c->s, d->print * level);
	for (i = 0; i < n; i++)
		act(c, at(c, work_minute(c, start, len)), GEN_K_EP,
		    GEN_EP_PRINT, local_file(c), GEN_F_LABELLED);
	if (irm_gen_unit(&c->s) < d->usb) {
		t = at(c, work_minute(c, start, len));
		act(c, t, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
		n = 1 + irm_gen_poisson(&c->s, 1.5);
		for (i = 0; i < n; i++)
			act(c, t + 20 + 7 * i, GEN_K_EP, GEN_EP_USB,
			    local_file(c), GEN_F_LABELLED);
	}
	for (op = GEN_EP_CLOUD_INTERNAL; op <= GEN_EP_ARCHIVE; op++) {
		n = irm_gen_poisson(&c->s, rate[op]);
		for (i = 0; i < n; i++)
			act(c, at(c, work_minute(c, start, len)), GEN_K_EP,
			    (int)op, local_file(c), GEN_F_LABELLED);
	}
	if (irm_gen_unit(&c->s) < 0.1)
		act(c, at(c, work_minute(c, start, len)), GEN_K_LABEL, 1,
		    dept_file(c, c->u->dept), 0);
	if (irm_gen_unit(&c->s) < 0.003)
		act(c, at(c, work_minute(c, start, len)), GEN_K_LABEL, 2,
		    dept_file(c, c->u->dept), 0);
	if (irm_gen_unit(&c->s) < 0.0005)
		act(c, at(c, work_minute(c, start, len)), GEN_K_ALERT,
		    GEN_AL_UNWANTED, 0, 0);
}

static void
logons(struct ctx *c, int start, int len)
{
	unsigned i, n = 1 + irm_gen_poisson(&c->s, 1.5);
	int64_t t = at(c, start);

	if (irm_gen_below(&c->s, 100) < 4)
		act(c, t - 40, GEN_K_LOGON_FAIL, 0, 0, 0);
	act(c, t, GEN_K_LOGON, 0, 0, 0);
	for (i = 0; i < n; i++)
		act(c, at(c, work_minute(c, start + 30, len - 30)), GEN_K_LOGON,
		    0, 0, 0);
}

static void
badge(struct ctx *c, int start)
{
	int64_t t = at(c, start - 8);
	int asset = irm_gen_below(&c->s, 100) < 70 ? 0 : 1;

	if (irm_gen_below(&c->s, 1000) < 15) {
		act(c, t - 30, GEN_K_BADGE, asset, 0, GEN_F_FAILED);
	}
	act(c, t, GEN_K_BADGE, asset, 0, 0);
	if (irm_gen_below(&c->s, 100) < 30)
		act(c, at(c, start + 240 + (int)irm_gen_below(&c->s, 60)),
		    GEN_K_BADGE, asset, 0, 0);
}

/* Evening mail, weekend sessions: after hours, and harmless. */
static void
light_session(struct ctx *c, int start)
{
	unsigned i, n = 1 + irm_gen_below(&c->s, 4);

	act(c, at(c, start), GEN_K_LOGON, 0, 0, 0);
	for (i = 0; i < n; i++) {
		int m = start + 5 + (int)irm_gen_below(&c->s, 60);

		if (irm_gen_below(&c->s, 2))
			act(c, at(c, m), GEN_K_SEND, 0, some_file(c),
			    GEN_F_SIG);
		else
			act(c, at(c, m), GEN_K_SP, GEN_OP_ACCESS, some_file(c),
			    GEN_F_LABELLED);
	}
}

static int
away(const struct ctx *c)
{
	const struct gen_user *u = c->u;

	if (u->last >= 0 && c->day > u->last)
		return 1;
	return u->vac >= 0 && c->day >= u->vac && c->day < u->vac + 7;
}

static void
ordinary(struct ctx *c)
{
	const struct gen_dept *d = &irm_gen_depts[c->u->dept];
	int start, len;
	double level;

	if (away(c))
		return;
	if (!c->g->workday[c->day]) {
		if (irm_gen_unit(&c->s) < d->weekend)
			light_session(c, 600 + (int)irm_gen_below(&c->s, 360));
		return;
	}
	if (irm_gen_below(&c->s, 100) < 2)
		return; /* sick */
	start = c->u->start + (int)irm_gen_below(&c->s, 40) - 20;
	len = 480 + (int)irm_gen_below(&c->s, 90);
	level = c->u->act * (0.7 + 0.6 * irm_gen_unit(&c->s));
	logons(c, start, len);
	if (irm_gen_below(&c->s, 100) < 85)
		badge(c, start);
	files(c, start, len, level);
	mail(c, start, len, level);
	shares(c, start, len);
	endpoint(c, start, len, level);
	if ((c->u->flags & GEN_U_EVENING) && irm_gen_below(&c->s, 100) < 30)
		light_session(c, 1200 + (int)irm_gen_below(&c->s, 150));
}

/* ------------------------------------------------------------ HR rows */

static void
hr(struct ctx *c)
{
	const struct gen_user *u = c->u;

	if (c->day == u->resign)
		act(c, at(c, 540), GEN_K_HR, GEN_HR_RESIGN, 0, 0);
	if (c->day == u->review)
		act(c, at(c, 600), GEN_K_HR, GEN_HR_REVIEW, 0, 0);
	if (c->day == u->review && (u->flags & GEN_U_JOB))
		act(c, at(c, 605), GEN_K_HR, GEN_HR_JOB, 0, 0);
	/* IT deletes a leaver's account two days after the last day. */
	if (u->last >= 0 && c->day == u->last + 2)
		act(c, at(c, 570), GEN_K_DELETE, 0, 0, 0);
}

/* ---------------------------------------------------------- scenarios */

/* The working day at or after the anchor plus k, or -1. */
static int
is_day(const struct ctx *c, int k)
{
	int d = c->u->anchor + k, n = (int)c->g->o->days;

	while (d >= 0 && d < n && !c->g->workday[d])
		d++;
	return d == c->day;
}

/* Files labelled_file(first..first+n-1), each one act. */
static void
each_file(struct ctx *c, int64_t t, int gap, unsigned first, unsigned n,
    int kind, int arg, uint32_t flags)
{
	unsigned i;

	for (i = 0; i < n; i++)
		act(c, t + (int64_t)gap * i + irm_gen_below(&c->s, 5), kind,
		    arg, labelled_file(c, first + i), flags | GEN_F_LABELLED);
}

static void
departing(struct ctx *c)
{
	unsigned n = 15 + irm_gen_below(&c->s, 10);

	if (is_day(c, -3))
		each_file(
		    c, at(c, 1110), 40, 0, n, GEN_K_SP, GEN_OP_DOWNLOAD, 0);
	if (is_day(c, 2)) {
		int64_t t = at(c, 1140);

		act(c, t, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
		each_file(c, t + 30, 9, 0, 12 + irm_gen_below(&c->s, 8),
		    GEN_K_EP, GEN_EP_USB, 0);
	}
	if (is_day(c, 6))
		each_file(c, at(c, 1170), 50, 0, 8 + irm_gen_below(&c->s, 5),
		    GEN_K_EP, GEN_EP_CLOUD_PERSONAL, 0);
}

static void
jobhunt(struct ctx *c)
{
	int k;

	for (k = -14; k < 0; k++)
		if (is_day(c, k) && c->day < c->u->anchor &&
		    irm_gen_below(&c->s, 100) < 80) {
			int64_t t = at(c, 600 + (int)irm_gen_below(&c->s, 400));

			act(c, t, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
			each_file(c, t + 25, 11, irm_gen_below(&c->s, 30),
			    8 + irm_gen_below(&c->s, 7), GEN_K_EP, GEN_EP_USB,
			    0);
			return;
		}
}

static void
disgruntled(struct ctx *c)
{
	if (is_day(c, 1))
		each_file(c, at(c, 660), 120, 0, 6 + irm_gen_below(&c->s, 3),
		    GEN_K_LABEL, 2, 0);
	if (is_day(c, 2) || is_day(c, 5))
		each_file(c, at(c, 900), 90, 0, 3 + irm_gen_below(&c->s, 3),
		    GEN_K_SHARE, GEN_SH_PERSONAL, 0);
	if (is_day(c, 7))
		each_file(c, at(c, 1020), 15, 0, 25 + irm_gen_below(&c->s, 10),
		    GEN_K_SP, GEN_OP_RECYCLE, 0);
}

static void
priority(struct ctx *c)
{
	if (is_day(c, 0) || is_day(c, 4))
		each_file(c, at(c, 1080), 200, irm_gen_below(&c->s, 6),
		    2 + irm_gen_below(&c->s, 3), GEN_K_SHARE, GEN_SH_ANON, 0);
	if (is_day(c, 1) || is_day(c, 5)) {
		int64_t t = at(c, 1230);

		act(c, t, GEN_K_SEND, 2, labelled_file(c, 1), GEN_F_LABELLED);
		act(c, t + 2, GEN_K_DLP, GEN_TO_PERSONAL, labelled_file(c, 1),
		    is_day(c, 5) ? GEN_F_HIGH : GEN_F_MEDIUM);
	}
}

static void
slow(struct ctx *c)
{
	unsigned i, n;
	int64_t t;

	if (!c->g->workday[c->day] || away(c))
		return;
	n = 2 + irm_gen_below(&c->s, 3);
	for (i = 0; i < n; i++)
		act(c, at(c, 600 + (int)irm_gen_below(&c->s, 420)), GEN_K_EP,
		    GEN_EP_PRINT, top_file(c, irm_gen_below(&c->s, 20)),
		    GEN_F_LABELLED);
	n = 1 + irm_gen_below(&c->s, 3);
	for (i = 0; i < n; i++)
		act(c, at(c, 600 + (int)irm_gen_below(&c->s, 420)), GEN_K_EP,
		    GEN_EP_SHARE_COPY, top_file(c, irm_gen_below(&c->s, 20)),
		    GEN_F_LABELLED);
	t = at(c, 600 + (int)irm_gen_below(&c->s, 420));
	act(c, t, GEN_K_SEND, 1, top_file(c, irm_gen_below(&c->s, 20)),
	    GEN_F_LABELLED);
	act(c, t + 2, GEN_K_DLP, GEN_TO_COMPETITOR,
	    top_file(c, irm_gen_below(&c->s, 20)), 0);
}

static void
sequence(struct ctx *c)
{
	unsigned n = 4 + (unsigned)(irm_gen_mix(c->ui) % 3);

	if (is_day(c, 0))
		each_file(
		    c, at(c, 690), 60, 0, n, GEN_K_SP, GEN_OP_DOWNLOAD, 0);
	if (is_day(c, 1)) {
		int64_t t = at(c, 840);

		each_file(
		    c, t, 30, 0, n, GEN_K_EP, GEN_EP_RENAME, GEN_F_DISGUISE);
		each_file(c, t + 600, 45, 0, n, GEN_K_EP, GEN_EP_CLOUD_PERSONAL,
		    GEN_F_DISGUISE);
	}
	if (is_day(c, 2))
		each_file(c, at(c, 560), 5, 0, n, GEN_K_EP, GEN_EP_DELETE,
		    GEN_F_DISGUISE);
}

static void
afterhours(struct ctx *c)
{
	unsigned i, n;
	int64_t t;
	int k;

	for (k = 0; k <= 8; k += 2)
		if (c->day == c->u->anchor + k)
			break;
	if (k > 8)
		return;
	t = at(c, 1380 + (int)irm_gen_below(&c->s, 120));
	n = 5 + irm_gen_below(&c->s, 5);
	for (i = 0; i < n; i++)
		act(c, t + 600 * i + irm_gen_below(&c->s, 300), GEN_K_LOGON, 0,
		    0, 0);
	act(c, t + 900, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
	each_file(c, t + 960, 13, irm_gen_below(&c->s, 40),
	    10 + irm_gen_below(&c->s, 7), GEN_K_EP, GEN_EP_USB, 0);
}

static void
evasion(struct ctx *c)
{
	const struct gen_user *u = c->u;
	unsigned i, n;
	int64_t t;

	if (is_day(c, 1) || is_day(c, 4)) {
		t = at(c, 1000 + (int)irm_gen_below(&c->s, 120));
		act(c, t - 120, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
		n = 2 + irm_gen_below(&c->s, 2);
		for (i = 0; i < n; i++)
			act(c, t + 300 * i, GEN_K_ALERT, GEN_AL_EVASION, 0,
			    i ? GEN_F_HIGH : GEN_F_MEDIUM);
	}
	if (c->day > u->last && c->day <= u->last + 3 &&
	    c->g->workday[c->day]) {
		t = at(c, 475);
		act(c, t, GEN_K_BADGE, 0, 0, GEN_F_FAILED);
		act(c, t + 25, GEN_K_BADGE, 0, 0, GEN_F_FAILED);
	}
}

static void
scenario(struct ctx *c)
{
	switch (c->u->scen) {
	case GEN_SC_DEPARTING:
		departing(c);
		break;
	case GEN_SC_JOBHUNT:
		jobhunt(c);
		break;
	case GEN_SC_DISGRUNTLED:
		disgruntled(c);
		break;
	case GEN_SC_PRIORITY:
		priority(c);
		break;
	case GEN_SC_SLOW:
		slow(c);
		break;
	case GEN_SC_SEQUENCE:
		sequence(c);
		break;
	case GEN_SC_AFTERHOURS:
		afterhours(c);
		break;
	case GEN_SC_EVASION:
		evasion(c);
		break;
	}
}

static int
by_time(const void *a, const void *b)
{
	const struct gen_act *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	if (x->user != y->user)
		return x->user < y->user ? -1 : 1;
	return x->r < y->r ? -1 : x->r > y->r;
}

void
irm_gen_day_acts(const struct gen_world *g, unsigned day, struct gen_acts *v)
{
	struct ctx c;
	uint32_t i;

	v->n = 0;
	c.g = g;
	c.day = (int)day;
	c.v = v;
	for (i = 0; i < g->nusers; i++) {
		c.u = &g->u[i];
		c.ui = i;
		c.s =
		    irm_gen_mix(g->seed ^ irm_gen_mix((uint64_t)i << 24 ^ day));
		ordinary(&c);
		hr(&c);
		if (c.u->scen >= 0) {
			c.s = irm_gen_mix(c.s ^ 0x5ce7a210ULL);
			scenario(&c);
		}
	}
	qsort(v->a, v->n, sizeof(v->a[0]), by_time);
}
