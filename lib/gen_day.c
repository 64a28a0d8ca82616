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

/* A document of the user's own on the laptop, never in the cloud, so it
 * starts no sequence. */
static uint32_t
own_file(struct ctx *c)
{
	return GEN_FILE(irm_gen_ndepts, 100 + irm_gen_below(&c->s, 140));
}

/* Most prints and copies are of the user's own documents. */
static uint32_t
local_file(struct ctx *c)
{
	if (irm_gen_below(&c->s, 100) < 5)
		return some_file(c);
	return own_file(c);
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

/* Per cent of a department's mail that goes outside: sales mail
 * customers and the partner all day. */
static const unsigned external_mail[] = {70, 5, 10, 5, 25, 30, 15, 20, 3, 20};

static void
mail(struct ctx *c, int start, int len, double level)
{
	const struct gen_dept *d = &irm_gen_depts[c->u->dept];
	unsigned i, n = irm_gen_poisson(&c->s, d->sends * level);
	unsigned ext = external_mail[c->u->dept];
	int64_t t;

	for (i = 0; i < n; i++) {
		int out = irm_gen_below(&c->s, 100) < ext;
		int to = irm_gen_below(&c->s, 4) == 0 ? GEN_TO_PARTNER
		                                      : GEN_TO_CUSTOMER;
		int att = irm_gen_below(&c->s, 100) < (out ? 55u : 30u)
		    ? 1 + (int)irm_gen_below(&c->s, 3)
		    : 0;
		uint32_t sig = irm_gen_below(&c->s, 100) < 40 ? GEN_F_SIG : 0;

		t = at(c, work_minute(c, start, len));
		act(c, t, GEN_K_SEND, att, some_file(c),
		    sig | (out ? GEN_F_TO(to) : 0));
		if (out && irm_gen_unit(&c->s) * ext < d->dlp * 100)
			act(c, t + 2, GEN_K_DLP, to, some_file(c),
			    dlp_severity(c));
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
	if (irm_gen_unit(&c->s) < d->usb && !(c->u->flags & GEN_U_QUIET)) {
		t = at(c, work_minute(c, start, len));
		act(c, t, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
		n = 1 + irm_gen_poisson(&c->s, 1.5);
		for (i = 0; i < n; i++)
			act(c, t + 20 + 7 * i, GEN_K_EP, GEN_EP_USB,
			    local_file(c), GEN_F_LABELLED);
	}
	if ((c->u->flags & GEN_U_USB) && irm_gen_below(&c->s, 100) < 20) {
		t = at(c, work_minute(c, start, len));
		act(c, t, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
		n = 1 + irm_gen_poisson(&c->s, 2.5);
		for (i = 0; i < n; i++)
			act(c, t + 30 + 11 * i, GEN_K_EP, GEN_EP_USB,
			    GEN_FILE(
			        irm_gen_ndepts + 1, irm_gen_below(&c->s, 4000)),
			    0);
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
logons(struct ctx *c, int start, int len, uint32_t abroad)
{
	unsigned i, n = 1 + irm_gen_poisson(&c->s, 1.5);
	int64_t t = at(c, start);

	if (irm_gen_below(&c->s, 100) < 4)
		act(c, t - 40, GEN_K_LOGON_FAIL, 0, 0, abroad);
	act(c, t, GEN_K_LOGON, 0, 0, abroad);
	for (i = 0; i < n; i++)
		act(c, at(c, work_minute(c, start + 30, len - 30)), GEN_K_LOGON,
		    0, 0, abroad);
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
	if (u->hire >= 0 && c->day < u->hire)
		return 1;
	if (u->vac2 >= 0 && c->day >= u->vac2 &&
	    c->day <= u->vac2 + (int)(irm_gen_mix(c->ui) % 3))
		return 1;
	return u->vac >= 0 && c->day >= u->vac && c->day < u->vac + 7;
}

/* Finance's month and quarter ends: the last three and the first two
 * days of a month, more at a quarter's end. */
static double
closing(const struct ctx *c)
{
	int64_t y;
	unsigned m, d;

	irm_civil_from_days(c->g->o->start + c->day + 3, &y, &m, &d);
	if (d > 5)
		return 1;
	return (m - 1) % 3 == 0 ? 3 : 2;
}

/* Trips abroad: the local hours of another zone, minutes from the
 * office's. */
static const int trip_shift[8] = {-360, -540, 480, 60, 330, -300, 540, 120};

/* An IT administrator's day: directory operations, now and then a bulk
 * download of the department's files. */
static void
admin_work(struct ctx *c, int start, int len, double level)
{
	unsigned i, n = irm_gen_poisson(&c->s, 4 * level);

	for (i = 0; i < n; i++)
		act(c, at(c, work_minute(c, start, len)), GEN_K_ADMIN,
		    (int)irm_gen_below(&c->s, GEN_NAD), 0, 0);
	if (irm_gen_below(&c->s, 100) < 12) {
		int64_t t = at(c, work_minute(c, start, len));

		n = 25 + irm_gen_poisson(&c->s, 25);
		for (i = 0; i < n; i++)
			act(c, t + 3 * i, GEN_K_SP, GEN_OP_DOWNLOAD,
			    GEN_FILE(irm_gen_below(&c->s, irm_gen_ndepts),
			        irm_gen_below(&c->s, GEN_FILES_PER_DEPT)),
			    GEN_F_LABELLED);
	}
}

/* Web visits the endpoint records: news, and job sites for some. */
static void
web(struct ctx *c, int start, int len)
{
	unsigned i, n = irm_gen_poisson(&c->s, 1);

	for (i = 0; i < n; i++)
		act(c, at(c, work_minute(c, start, len)), GEN_K_WEB,
		    GEN_WEB_NEWS, 0, 0);
	if ((c->u->flags & GEN_U_JOBSITE) && irm_gen_below(&c->s, 100) < 5)
		act(c, at(c, work_minute(c, start, len)), GEN_K_WEB,
		    GEN_WEB_JOB, 0, 0);
}

static void
ordinary(struct ctx *c)
{
	const struct gen_user *u = c->u;
	const struct gen_dept *d = &irm_gen_depts[u->dept];
	int start, len, quiet = (u->flags & GEN_U_QUIET) != 0;
	uint32_t abroad = 0;
	double level;

	if (away(c))
		return;
	if (!c->g->workday[c->day]) {
		if (irm_gen_unit(&c->s) < d->weekend && !quiet)
			light_session(c, 600 + (int)irm_gen_below(&c->s, 360));
		return;
	}
	if (irm_gen_below(&c->s, 100) < 2)
		return; /* sick */
	start = u->start + (int)irm_gen_below(&c->s, 40) - 20;
	if (quiet && start < 450)
		start = 450;
	if (u->trip >= 0 && c->day >= u->trip && c->day < u->trip + 5) {
		abroad = GEN_F_ABROAD;
		start -= trip_shift[u->country];
	}
	len = 480 + (int)irm_gen_below(&c->s, 90);
	level = (u->flags & GEN_U_HEAVY)
	    ? u->act * (0.9 + 0.2 * irm_gen_unit(&c->s))
	    : u->act * (0.7 + 0.6 * irm_gen_unit(&c->s));
	if (u->hire >= 0 && c->day < u->hire + 15)
		level *= 0.3 + 0.7 * (c->day - u->hire) / 15.0;
	if (u->dept == 2)
		level *= closing(c);
	logons(c, start, len, abroad);
	if (irm_gen_below(&c->s, 100) < 85 && !abroad)
		badge(c, start);
	files(c, start, len, level);
	mail(c, start, len, level);
	shares(c, start, len);
	endpoint(c, start, len, level);
	web(c, start, len);
	if (u->dept == GEN_DEPT_IT)
		admin_work(c, start, len, level);
	if ((u->flags & GEN_U_EVENING) && irm_gen_below(&c->s, 100) < 30)
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

/* A USB device mounted at t, then, from t + wait on, gap seconds apart,
 * base + irm_gen_below(more) labelled files copied to it, from
 * labelled_file(irm_gen_below(from)) on. */
static void
usb_burst(struct ctx *c, int64_t t, int wait, int gap, unsigned from,
    unsigned base, unsigned more)
{
	act(c, t, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
	each_file(c, t + wait, gap, irm_gen_below(&c->s, from),
	    base + irm_gen_below(&c->s, more), GEN_K_EP, GEN_EP_USB, 0);
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

			usb_burst(c, t, 25, 11, 30, 8, 7);
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

		act(c, t, GEN_K_SEND, 2, labelled_file(c, 1),
		    GEN_F_LABELLED | GEN_F_TO(GEN_TO_PERSONAL));
		act(c, t + 2, GEN_K_DLP, GEN_TO_PERSONAL, labelled_file(c, 1),
		    is_day(c, 5) ? GEN_F_HIGH : GEN_F_MEDIUM);
	}
}

static void
slow(struct ctx *c)
{
	unsigned i, n;
	int64_t t;

	if (!c->g->workday[c->day] || away(c) || c->day < c->u->anchor)
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
	    GEN_F_LABELLED | GEN_F_TO(GEN_TO_COMPETITOR));
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
	usb_burst(c, t + 900, 60, 13, 40, 10, 7);
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
	/* The working days of the three after the last, or the first one
	 * after it: a last day before Easter has none within three. */
	if (c->day > u->last && c->g->workday[c->day] &&
	    (c->day <= u->last + 3 ||
	        c->day == irm_gen_workday_from(c->g, u->last + 1))) {
		t = at(c, 475);
		act(c, t, GEN_K_BADGE, 0, 0, GEN_F_FAILED);
		act(c, t + 25, GEN_K_BADGE, 0, 0, GEN_F_FAILED);
	}
}

/* A working day, not away, on or after the anchor plus k and before
 * plus k2. */
static int
in_days(const struct ctx *c, int k, int k2)
{
	return c->g->workday[c->day] && !away(c) &&
	    c->day >= c->u->anchor + k && c->day < c->u->anchor + k2;
}

/* Uploads to personal cloud storage: rare before, a few labelled files
 * every working day for three weeks after. */
static void
slow_leak(struct ctx *c)
{
	unsigned i, n;

	if (!c->g->workday[c->day] || away(c))
		return;
	if (c->day < c->u->anchor) {
		if (irm_gen_below(&c->s, 100) < 15)
			act(c, at(c, 600 + (int)irm_gen_below(&c->s, 420)),
			    GEN_K_EP, GEN_EP_CLOUD_PERSONAL, local_file(c), 0);
		return;
	}
	if (c->day > c->u->anchor + 20)
		return;
	n = 2 + irm_gen_below(&c->s, 3);
	for (i = 0; i < n; i++)
		act(c, at(c, 600 + (int)irm_gen_below(&c->s, 420)), GEN_K_EP,
		    GEN_EP_CLOUD_PERSONAL,
		    labelled_file(c, (unsigned)(c->day - c->u->anchor) * 4 + i),
		    GEN_F_LABELLED);
}

/* After the resignation, a little by every channel. */
static void
thin(struct ctx *c)
{
	unsigned i, n, k = (unsigned)(c->day - c->u->anchor) * 6;
	int64_t t;

	if (!in_days(c, 0, 9))
		return;
	switch (irm_gen_below(&c->s, 3)) {
	case 0:
		t = at(c, 660 + (int)irm_gen_below(&c->s, 360));
		act(c, t, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
		each_file(c, t + 40, 17, k, 1 + irm_gen_below(&c->s, 3),
		    GEN_K_EP, GEN_EP_USB, 0);
		break;
	case 1:
		n = 1 + irm_gen_below(&c->s, 2);
		for (i = 0; i < n; i++)
			act(c, at(c, 600 + (int)irm_gen_below(&c->s, 480)),
			    GEN_K_EP, GEN_EP_CLOUD_PERSONAL,
			    labelled_file(c, k + i), GEN_F_LABELLED);
		break;
	default:
		t = at(c, 600 + (int)irm_gen_below(&c->s, 480));
		act(c, t, GEN_K_SEND, 1, labelled_file(c, k),
		    GEN_F_LABELLED | GEN_F_TO(GEN_TO_PERSONAL));
		act(c, t + 2, GEN_K_DLP, GEN_TO_PERSONAL, labelled_file(c, k),
		    0);
	}
}

/* A visit of a kind, or an upload or download there. */
static void
visit(struct ctx *c, int64_t t, int kind, uint32_t file, uint32_t flags)
{
	act(c, t, GEN_K_WEB, kind, file, flags);
}

/* CERT 1: nights of logons, USB copies and leak-site uploads from the
 * anchor, then the resignation; no USB and no night before. */
static void
cert_leak(struct ctx *c)
{
	unsigned i, n, k = (unsigned)(c->day - c->u->anchor);
	int64_t t;

	if (c->day < c->u->anchor || c->day > c->u->last || !(0x15b >> k & 1))
		return;
	t = at(c, 1350 + (int)irm_gen_below(&c->s, 150));
	n = 1 + irm_gen_below(&c->s, 3);
	for (i = 0; i < n; i++)
		act(c, t + 400 * i, GEN_K_LOGON, 0, 0, 0);
	act(c, t + 300, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
	each_file(c, t + 360, 23, k * 8, 3 + irm_gen_below(&c->s, 6), GEN_K_EP,
	    GEN_EP_USB, 0);
	if (k % 3 == 1) {
		visit(c, t + 900, GEN_WEB_LEAK, 0, 0);
		n = 2 + irm_gen_below(&c->s, 3);
		for (i = 0; i < n; i++)
			visit(c, t + 960 + 70 * i, GEN_WEB_LEAK,
			    labelled_file(c, k * 8 + i),
			    GEN_F_UPLOAD | GEN_F_LABELLED);
	}
}

/* CERT 2: job sites for weeks before the resignation, then USB copies at
 * several times the user's own rate in the last two. */
static void
cert_job(struct ctx *c)
{
	int lead = c->g->o->days >= 60 ? 21 : 14;
	unsigned i, n;
	int64_t t;

	if (in_days(c, -lead, 1) && irm_gen_below(&c->s, 100) < 60) {
		n = 2 + irm_gen_below(&c->s, 5);
		for (i = 0; i < n; i++)
			visit(c, at(c, 600 + (int)irm_gen_below(&c->s, 480)),
			    GEN_WEB_JOB, 0, 0);
	}
	if (in_days(c, -lead / 2, c->u->last - c->u->anchor + 1) &&
	    irm_gen_below(&c->s, 100) < 70) {
		t = at(c, 600 + (int)irm_gen_below(&c->s, 480));
		usb_burst(c, t, 30, 13, 40, 5, 8);
	}
}

/* CERT 3: after a poor review, a keylogger fetched and copied to USB
 * media; two days later a night logon as the supervisor and a mass mail
 * in the supervisor's name; then the resignation. */
static void
cert_sabotage(struct ctx *c)
{
	const struct gen_user *u = c->u;
	unsigned i, n;
	int64_t t;

	if (is_day(c, 0)) {
		t = at(c, 840 + (int)irm_gen_below(&c->s, 120));
		visit(c, t, GEN_WEB_SPY, 0, 0);
		visit(c, t + 120, GEN_WEB_SPY, 0, 0);
		visit(c, t + 300, GEN_WEB_SPY, GEN_FILE_KEYLOGGER,
		    GEN_F_DOWNLOAD);
		act(c, t + 420, GEN_K_ALERT, GEN_AL_UNWANTED, 0, GEN_F_MEDIUM);
		act(c, t + 900, GEN_K_EP, GEN_EP_MOUNT, 0, 0);
		act(c, t + 960, GEN_K_EP, GEN_EP_USB, GEN_FILE_KEYLOGGER, 0);
	}
	if (is_day(c, 2) && u->manager != UINT32_MAX) {
		t = at(c, 1290 + (int)irm_gen_below(&c->s, 60));
		act(c, t, GEN_K_LOGON, 0, u->manager, GEN_F_AS);
		n = 30 + irm_gen_below(&c->s, 90);
		if (n > c->g->nusers - 1)
			n = c->g->nusers - 1;
		act(c, t + 600, GEN_K_SENDAS, (int)n, u->manager, 0);
		for (i = 0; i < 2; i++)
			act(c, t + 900 + 300 * i, GEN_K_LOGON, 0, 0, 0);
	}
}

/* Benign: dozens of downloads every working day. */
static void
la_heavy(struct ctx *c)
{
	unsigned i, n;
	int64_t t;

	if (!c->g->workday[c->day] || away(c))
		return;
	n = 30 + irm_gen_poisson(&c->s, 20);
	t = at(c, c->u->start + 60 + (int)irm_gen_below(&c->s, 300));
	for (i = 0; i < n; i++)
		act(c, t + 40 * i + irm_gen_below(&c->s, 30), GEN_K_SP,
		    GEN_OP_DOWNLOAD, dept_file(c, c->u->dept), GEN_F_LABELLED);
}

/* Benign: the partner gets files and mail every working day. */
static void
la_partner(struct ctx *c)
{
	unsigned i, n;
	int64_t t;

	if (!c->g->workday[c->day] || away(c))
		return;
	n = 1 + irm_gen_below(&c->s, 3);
	for (i = 0; i < n; i++)
		act(c, at(c, 600 + (int)irm_gen_below(&c->s, 420)), GEN_K_SHARE,
		    GEN_SH_PARTNER, dept_file(c, c->u->dept), 0);
	n = 2 + irm_gen_below(&c->s, 4);
	for (i = 0; i < n; i++) {
		uint32_t f = dept_file(c, c->u->dept);

		t = at(c, 600 + (int)irm_gen_below(&c->s, 420));
		act(c, t, GEN_K_SEND, 1 + (int)irm_gen_below(&c->s, 2), f,
		    GEN_F_TO(GEN_TO_PARTNER));
		if (irm_gen_below(&c->s, 100) < 30)
			act(c, t + 2, GEN_K_DLP, GEN_TO_PARTNER, f, 0);
	}
}

/* Compromised account: on the anchor day, past midnight, an intruder
 * signs in from abroad with a new browser, makes two inbox rules that hide
 * the notices, resets the passwords of several accounts from this
 * administrator's account and shares a OneDrive file by an anonymous
 * link, which is opened from abroad the next day. */
static void
compromised(struct ctx *c)
{
	const uint32_t in = GEN_F_INTRUDER;
	uint32_t file = GEN_FILE(irm_gen_ndepts, irm_gen_mix(c->ui) % 40);
	unsigned i, n;
	int64_t t;

	if (is_day(c, 0)) {
		t = at(c, 150 + (int)irm_gen_below(&c->s, 30));
		for (i = 0; i < 3; i++)
			act(c, t + 240 * i, GEN_K_LOGON, 0, 0, in);
		act(c, t + 60, GEN_K_INTRUDE, GEN_IN_RULE_DELETE, 0, in);
		act(c, t + 90, GEN_K_INTRUDE, GEN_IN_RULE_RSS, 0, in);
		n = 20 + irm_gen_below(&c->s, 10);
		for (i = 0; i < n; i++)
			act(c, t + 300 + 45 * i, GEN_K_ADMIN, GEN_AD_RESET, 0,
			    in);
		act(c, t + 900, GEN_K_SHARE, GEN_SH_ANON, file,
		    in | GEN_F_ONEDRIVE);
	}
	if (is_day(c, 1))
		act(c, at(c, 180 + (int)irm_gen_below(&c->s, 60)),
		    GEN_K_INTRUDE, GEN_IN_ANON_USED, file, in | GEN_F_ONEDRIVE);
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
	case GEN_SC_SLOWLEAK:
		slow_leak(c);
		break;
	case GEN_SC_THIN:
		thin(c);
		break;
	case GEN_SC_CERT_LEAK:
		cert_leak(c);
		break;
	case GEN_SC_CERT_JOB:
		cert_job(c);
		break;
	case GEN_SC_CERT_SABOT:
		cert_sabotage(c);
		break;
	case GEN_SC_LA_HEAVY:
		la_heavy(c);
		break;
	case GEN_SC_LA_PARTNER:
		la_partner(c);
		break;
	case GEN_SC_COMPROMISED:
		compromised(c);
		break;
	}
}

/*
 * The personal habit: on one working day in ten, an ordinary file of the
 * user's own, a tax return or a CV, uploaded to the user's personal
 * Dropbox or mailed to the user's own Gmail (with a low-severity DLP
 * match, which names the recipient).  Most people who do it mean no
 * harm; the settings call both domains unallowed all the same.
 */
static void
personal(struct ctx *c)
{
	uint32_t f;
	int64_t t;

	if (!c->g->workday[c->day] || away(c) ||
	    irm_gen_below(&c->s, 100) >= 10)
		return;
	t = at(c, 600 + (int)irm_gen_below(&c->s, 420));
	if (irm_gen_below(&c->s, 2) == 0) {
		act(c, t, GEN_K_EP, GEN_EP_CLOUD_PERSONAL, own_file(c), 0);
		return;
	}
	f = personal_file(c);
	act(c, t, GEN_K_SEND, 1, f, GEN_F_TO(GEN_TO_PERSONAL));
	act(c, t + 2, GEN_K_DLP, GEN_TO_PERSONAL, f, 0);
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
		if (c.u->flags & GEN_U_PERSONAL) {
			c.s = irm_gen_mix(c.s ^ 0x7065727331ULL);
			personal(&c);
		}
	}
	/* A quiet day has no acts and no array: qsort must not see NULL. */
	if (v->n > 1)
		qsort(v->a, v->n, sizeof(v->a[0]), by_time);
}
