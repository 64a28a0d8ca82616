/*
 * score_seq.c - sequence detection: a file collected (downloaded, synced,
 * archived, saved from a browser), then exfiltrated (an exfiltration
 * indicator matched), optionally obfuscated between (renamed, label
 * downgraded or removed) and cleaned up after (deleted), all within 7 days
 * of the collection.  Files are matched by name, ASCII case-blind; a
 * rename carries the file's history to its new name (file.previous_name).
 *
 * Each user keeps at most MAX_FILES files in flight; the oldest go first.
 * When a file's 7-day window ends, the files collected on one day that
 * reached exfiltration make one sequence, scored as an insight.
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

#define MAX_FILES 256

enum {
	IRM_SEQ_COLLECT,
	IRM_SEQ_OBFUSCATE,
	IRM_SEQ_EXFIL,
	IRM_SEQ_CLEANUP,
	IRM_SEQ_NSTEPS
};

#define IRM_SEQ_DAYS 7
#define IRM_SEQ_FILES 20

struct irm_seqstep {
	const char *activity; /* the first activity of the step (static) */
	int64_t day;          /* first day of the step, or INT64_MIN */
	int count;            /* files that took the step */
	char *files[IRM_SEQ_FILES];
	int nfiles;
};

/* A finished sequence: the files collected on one day. */
struct irm_seq {
	int64_t day; /* collection day */
	struct irm_seqstep step[IRM_SEQ_NSTEPS];
	int prio;      /* files that touched priority content */
	int unallowed; /* files whose exfiltration went to an unallowed domain
	                */
	int prio_unallowed; /* ... of them that touched priority content */
	int disguised;      /* a file's type or label was hidden on the way */
};

struct sfile {
	char *name;
	int64_t day[IRM_SEQ_NSTEPS]; /* first day of each step */
	const char *act[IRM_SEQ_NSTEPS];
	int prio, unallowed, disguised;
};

struct irm_seqset {
	struct sfile *f;
	size_t n;
};

static const char *const step_acts[] = {"file_downloaded", "file_synced",
    "file_archived", "browser_downloaded", "file_renamed", "label_changed",
    "usb_copied", "cloud_uploaded", "printed", "shared", "email_sent",
    "dlp_matched", "network_share_copied", "member_added", "rdp_copied",
    "bluetooth_sent", "email_rule", "file_deleted", "file_purged", NULL};

/* Activities are stored as the static strings above (for the state). */
static const char *
intern(const char *a)
{
	int i;

	for (i = 0; a && step_acts[i]; i++)
		if (strcmp(step_acts[i], a) == 0)
			return step_acts[i];
	return "other";
}

static int
is(const char *a, const char *b)
{
	return a && strcmp(a, b) == 0;
}

/* The step an event is, or -1. */
static int
step_of(const struct irm_ev *ev, int exfil)
{
	const char *a = ev->activity;

	if (is(a, "file_downloaded") || is(a, "file_synced") ||
	    is(a, "file_archived") || is(a, "browser_downloaded"))
		return IRM_SEQ_COLLECT;
	if (is(a, "file_renamed") ||
	    (is(a, "label_changed") &&
	        (is(ev->label_change, "downgraded") ||
	            is(ev->label_change, "removed"))))
		return IRM_SEQ_OBFUSCATE;
	if (exfil)
		return IRM_SEQ_EXFIL;
	if (is(a, "file_deleted") || is(a, "file_purged"))
		return IRM_SEQ_CLEANUP;
	return -1;
}

static struct sfile *
find(struct irm_seqset *ss, const char *name)
{
	size_t i;

	for (i = ss->n; name && i-- > 0;)
		if (irm_strcaseeq(ss->f[i].name, name))
			return &ss->f[i];
	return NULL;
}

static void
drop(struct irm_seqset *ss, size_t i)
{
	free(ss->f[i].name);
	memmove(&ss->f[i], &ss->f[i + 1], (ss->n - i - 1) * sizeof(*ss->f));
	ss->n--;
}

static struct sfile *
start(struct irm_seqset *ss, const char *name, int64_t day)
{
	struct sfile *f;
	int k;

	if (ss->n == MAX_FILES)
		drop(ss, 0);
	ss->f = irm_xrealloc(ss->f, (ss->n + 1) * sizeof(*ss->f));
	f = &ss->f[ss->n++];
	memset(f, 0, sizeof(*f));
	f->name = irm_xstrdup(name);
	for (k = 0; k < IRM_SEQ_NSTEPS; k++)
		f->day[k] = INT64_MIN;
	f->day[IRM_SEQ_COLLECT] = day;
	return f;
}

static int
in_window(const struct sfile *f, int64_t day)
{
	int64_t c = f->day[IRM_SEQ_COLLECT];

	return day >= c && day <= c + IRM_SEQ_DAYS;
}

/* The extension of a file name, "" without one. */
static const char *
ext_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot && !strchr(dot, '/') && !strchr(dot, '\\') ? dot : "";
}

/*
 * Does an obfuscation step hide something: a label changed (only
 * downgrades and removals are obfuscation steps), or a rename that
 * changes the file's type (plan.xlsx to plan.jpg), not one that tidies
 * a name?
 */
static int
hides(const struct irm_ev *ev)
{
	if (!is(ev->activity, "file_renamed"))
		return 1;
	return ev->file_prev &&
	    !irm_strcaseeq(ext_of(ev->file_prev), ext_of(ev->file_name));
}

void
irm_seq_add(struct irm_seqset **ssp, const struct irm_ev *ev, int prio,
    int unallowed, int exfil)
{
	int st = step_of(ev, exfil);
	struct irm_seqset *ss;
	struct sfile *f;

	if (st < 0 || ev->file_name == NULL)
		return;
	if (*ssp == NULL)
		*ssp = irm_xcalloc(1, sizeof(**ssp));
	ss = *ssp;
	f = find(ss,
	    st == IRM_SEQ_OBFUSCATE && ev->file_prev ? ev->file_prev
	                                             : ev->file_name);
	if (st == IRM_SEQ_COLLECT) {
		if (f == NULL || !in_window(f, ev->day))
			f = start(ss, ev->file_name, ev->day);
	} else if (f == NULL || !in_window(f, ev->day) ||
	    (st == IRM_SEQ_OBFUSCATE && f->day[IRM_SEQ_EXFIL] != INT64_MIN) ||
	    (st == IRM_SEQ_CLEANUP && f->day[IRM_SEQ_EXFIL] == INT64_MIN))
		return;
	if (f->day[st] == INT64_MIN || st == IRM_SEQ_COLLECT) {
		if (f->day[st] == INT64_MIN || f->act[st] == NULL)
			f->act[st] = intern(ev->activity);
		if (f->day[st] == INT64_MIN)
			f->day[st] = ev->day;
	}
	if (st == IRM_SEQ_OBFUSCATE)
		f->disguised |= hides(ev);
	if (st == IRM_SEQ_OBFUSCATE && ev->file_prev &&
	    is(ev->activity, "file_renamed")) {
		free(f->name);
		f->name = irm_xstrdup(ev->file_name);
	}
	f->prio |= prio;
	if (st == IRM_SEQ_EXFIL)
		f->unallowed |= unallowed;
}

/* ----------------------------------------------------------- taking */

static void
step_add(struct irm_seqstep *s, const struct sfile *f, int k)
{
	if (f->day[k] == INT64_MIN)
		return;
	if (s->day == INT64_MIN || f->day[k] < s->day) {
		s->day = f->day[k];
		s->activity = f->act[k];
	}
	s->count++;
	if (s->nfiles < IRM_SEQ_FILES)
		s->files[s->nfiles++] = irm_xstrdup(f->name);
}

static struct irm_seq *
group(struct irm_seq **out, size_t *n, int64_t day)
{
	size_t i;
	int k;

	for (i = 0; i < *n; i++)
		if ((*out)[i].day == day)
			return &(*out)[i];
	*out = irm_xrealloc(*out, (*n + 1) * sizeof(**out));
	memset(&(*out)[*n], 0, sizeof(**out));
	(*out)[*n].day = day;
	for (k = 0; k < IRM_SEQ_NSTEPS; k++)
		(*out)[*n].step[k].day = INT64_MIN;
	return &(*out)[(*n)++];
}

static int
cmp_seq(const void *a, const void *b)
{
	const struct irm_seq *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

/*
 * Take the sequences whose 7-day window ended before day `before` (all
 * of them when flush is set), collection then exfiltration at least,
 * grouped by collection day in day order.  *out is owned: free it with
 * seq_free(out, n).  Files that never reached exfiltration are dropped
 * when their window ends.
 */
static size_t
seq_take(struct irm_seqset *ss, int64_t before, int flush, struct irm_seq **out)
{
	struct irm_seq *q;
	size_t n = 0, i = 0;
	int k;

	*out = NULL;
	while (ss && i < ss->n) {
		struct sfile *f = &ss->f[i];

		if (!flush &&
		    f->day[IRM_SEQ_COLLECT] + IRM_SEQ_DAYS >= before) {
			i++;
			continue;
		}
		if (f->day[IRM_SEQ_EXFIL] != INT64_MIN) {
			q = group(out, &n, f->day[IRM_SEQ_COLLECT]);
			for (k = 0; k < IRM_SEQ_NSTEPS; k++)
				step_add(&q->step[k], f, k);
			q->prio += f->prio != 0;
			q->unallowed += f->unallowed != 0;
			q->prio_unallowed += f->unallowed && f->prio;
			q->disguised |= f->disguised;
		}
		drop(ss, i);
	}
	if (n > 1)
		qsort(*out, n, sizeof(**out), cmp_seq);
	return n;
}

static void
seq_free(struct irm_seq *v, size_t n)
{
	size_t i;
	int k, j;

	for (i = 0; i < n; i++)
		for (k = 0; k < IRM_SEQ_NSTEPS; k++)
			for (j = 0; j < v[i].step[k].nfiles; j++)
				free(v[i].step[k].files[j]);
	free(v);
}

void
irm_seqset_free(struct irm_seqset *ss)
{
	if (ss == NULL)
		return;
	while (ss->n)
		drop(ss, ss->n - 1);
	free(ss->f);
	free(ss);
}

/* ------------------------------------------------------------ insights */

static const char *const step_names[] = {
    "collection", "obfuscation", "exfiltration", "clean-up"};

/*
 * A sequence is scored by what it holds: 15 points for each of its steps
 * (collection and exfiltration at least: 30, under the default min_score),
 * times 1.5 when it touched priority content, 1.5 when it went to an
 * unallowed domain, 1.25 when many files (SEQ_MANY or more) took the
 * exfiltration step and 1.25 for a priority user; x0.5 through the
 * user's routine channel (usual_for_user, instead of many files: an HR
 * partner's eight files among her fourteen prints a day, irm-gen -s 114
 * under the default templates, were 84, high) and x0.5 when nothing
 * corroborates it (seq_routine).
 */
#define SEQ_STEP_POINTS 15
#define SEQ_MANY 5
#define SEQ_FEW 2 /* files: a file or two printed or copied is routine */

/*
 * Is a sequence routine work: nothing hidden on the way (a label
 * downgraded or removed, a file's type changed by a rename: a rename that
 * tidies a name is how files are kept as often as hidden), no unallowed
 * domain but for one ordinary file sent there with no step between, nor
 * one after but a clean-up through the user's routine deletion (as one
 * such event in a day's count: the domain weighs, but a tax return
 * uploaded to one's own Dropbox is one's own business as often as not,
 * and a user who deletes every day wipes no trace), fewer than SEQ_MANY
 * files, at most SEQ_FEW
 * of them that touched priority content (a finance clerk prints the
 * three reports she downloaded, one of them the cash flow), and at most
 * SEQ_FEW files when
 * a trigger other than exfiltration put the user in scope (a document
 * printed after a resignation is not theft)?
 */
static int
seq_routine(const struct user *u, const struct irm_seq *q, const struct trig *t)
{
	int n = q->step[IRM_SEQ_EXFIL].count;
	const struct irm_seqstep *c = &q->step[IRM_SEQ_CLEANUP];

	return (!q->unallowed ||
	           (q->unallowed == 1 && q->prio_unallowed == 0 &&
	               q->step[IRM_SEQ_OBFUSCATE].day == INT64_MIN &&
	               (c->day == INT64_MIN ||
	                   irm_eng_usual_most(u, c->activity, c->day)))) &&
	    !q->disguised &&
	    (t == NULL || t->type == IRM_TRIG_EXFIL || n <= SEQ_FEW) &&
	    n < SEQ_MANY && q->prio <= SEQ_FEW;
}

static int
seq_factors(struct irm_engine *g, const struct user *u,
    const struct irm_policy *p, const struct irm_seq *q, const struct trig *t,
    struct factor *f, int *score)
{
	int k, nf = 1, steps = 0, usual;
	struct factor uf;
	double prod = 1;
	size_t len = 0;

	f[0] = (struct factor){"steps", "", 0, 0};
	for (k = 0; k < IRM_SEQ_NSTEPS; k++) {
		if (q->step[k].day == INT64_MIN)
			continue;
		steps++;
		len += (size_t)snprintf(f[0].detail + len,
		    sizeof(f[0].detail) - len, "%s%s", len ? ", " : "",
		    step_names[k]);
	}
	f[0].points = SEQ_STEP_POINTS * steps;
	/* As for a day's count: one priority file among four is the
	 * work, not its target; 3 or more, or all of them, weigh. */
	if (q->prio >= PRIO_MIN ||
	    (q->prio > 0 && q->prio == q->step[IRM_SEQ_EXFIL].count)) {
		f[nf] = (struct factor){"priority_content", "", 1.5, 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "%d of %d files touched priority content", q->prio,
		    q->step[IRM_SEQ_EXFIL].count);
	}
	if (q->unallowed)
		f[nf++] = (struct factor){"unallowed_domain",
		    "exfiltration to an unallowed domain", 1.5, 0};
	/* The calendar explains a department's volume, not the priority
	 * files among it (irm-gen -u 100 -d 60 -s 201: a slow thief's 12
	 * priority files among 14 printed at a quarter's end). */
	usual = !q->unallowed && !q->disguised &&
	    irm_eng_usual_act(g, u, q->step[IRM_SEQ_EXFIL].activity,
	        q->step[IRM_SEQ_EXFIL].day, nf == 1, &uf);
	if (q->step[IRM_SEQ_EXFIL].count >= SEQ_MANY && !usual) {
		f[nf] = (struct factor){"many_files", "", 1.25, 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "%d files exfiltrated >= %d", q->step[IRM_SEQ_EXFIL].count,
		    SEQ_MANY);
	}
	if (usual)
		f[nf++] = uf;
	if (p->boost_priority_user && irm_priority_user(g->o.settings, u->name))
		f[nf++] = (struct factor){"priority_user",
		    "member of a priority user group", 1.25, 0};
	if (seq_routine(u, q, t)) {
		f[nf] = (struct factor){"uncorroborated", "", 0.5, 0};
		snprintf(f[nf++].detail, sizeof(f[0].detail),
		    "%d file%s, no unallowed domain, label or type hidden, %d files or more, or more than %d of priority content or after a trigger",
		    q->step[IRM_SEQ_EXFIL].count,
		    q->step[IRM_SEQ_EXFIL].count == 1 ? "" : "s", SEQ_MANY,
		    SEQ_FEW);
	}
	for (k = 1; k < nf; k++)
		prod *= f[k].x;
	*score = (int)fmin(100, floor(f[0].points * prod + 0.5));
	return nf;
}

static void
write_steps(struct irm_buf *out, const struct irm_seq *q)
{
	char day[IRM_TIME_LEN];
	int k, j, first = 1;

	irm_buf_adds(out, ",\"steps\":[");
	for (k = 0; k < IRM_SEQ_NSTEPS; k++) {
		const struct irm_seqstep *st = &q->step[k];

		if (st->day == INT64_MIN)
			continue;
		irm_time_format(st->day * DAY_MS, day);
		irm_buf_printf(out,
		    "%s{\"step\":\"%s\",\"activity\":\"%s\","
		    "\"day\":\"%.10s\",\"count\":%d,\"files\":[",
		    first ? "" : ",", step_names[k], st->activity, day,
		    st->count);
		for (j = 0; j < st->nfiles; j++) {
			if (j)
				irm_buf_addc(out, ',');
			irm_eng_quote_cut(out, st->files[j]);
		}
		irm_buf_adds(out, "]}");
		first = 0;
	}
	irm_buf_addc(out, ']');
}

static void
emit_seq(struct irm_engine *g, const struct user *u, const struct irm_policy *p,
    const struct irm_seq *q, const struct trig *t, struct irm_buf *out)
{
	const struct irm_seqstep *ex = &q->step[IRM_SEQ_EXFIL];
	struct irm_strv files = {
	    (const char **)ex->files, (size_t)ex->nfiles, 0};
	struct factor f[6];
	char day[IRM_TIME_LEN];
	int score, nf = seq_factors(g, u, p, q, t, f, &score), sev;

	if (!irm_eng_reaches(g, p, f, nf))
		return;
	sev = irm_eng_insight_head(
	    out, p, u->name, q->day, "sequence", score, day);
	irm_buf_printf(out,
	    "},\"irm\":{\"insight\":\"sequence\",\"day\":"
	    "\"%.10s\",\"count\":%d,\"score\":%d,\"severity\":\"%s\","
	    "\"revision\":0",
	    day, ex->count, score, irm_severity_name(sev));
	irm_eng_write_factors(out, f, nf);
	write_steps(out, q);
	irm_eng_write_trigger(out, t);
	irm_buf_printf(out,
	    ",\"evidence\":{\"count\":%d,\"ids\":[],\"files\":", ex->count);
	irm_eng_write_list(out, &files);
	irm_buf_adds(out, ",\"targets\":[]}}}\n");
}

/* Score the user's sequences whose window closed before `before`. */
void
irm_seq_score(struct irm_engine *g, struct user *u, int64_t before, int flush,
    struct irm_buf *out)
{
	const struct trig *t;
	struct irm_seq *v;
	size_t n, i, pol;

	n = seq_take(u->seq, before, flush, &v);
	for (i = 0; i < n; i++)
		for (pol = 0; pol < g->o.npolicies; pol++) {
			const struct irm_policy *p = &g->o.policies[pol];

			if (p->sequences &&
			    irm_eng_in_scope(
			        g, u, p, v[i].step[IRM_SEQ_EXFIL].day, &t))
				emit_seq(g, u, p, &v[i], t, out);
		}
	seq_free(v, n);
}

/* ------------------------------------------------------------- state */

void
irm_seq_put(struct irm_buf *b, const struct irm_seqset *ss)
{
	size_t i;
	int k;

	irm_buf_addc(b, '[');
	for (i = 0; ss && i < ss->n; i++) {
		irm_buf_adds(b, i ? ",[" : "[");
		irm_json_quote(b, ss->f[i].name);
		for (k = 0; k < IRM_SEQ_NSTEPS; k++)
			irm_buf_printf(b, ",%lld,\"%s\"",
			    (long long)ss->f[i].day[k],
			    ss->f[i].act[k] ? ss->f[i].act[k] : "");
		irm_buf_printf(b, ",%d,%d,%d]", ss->f[i].prio,
		    ss->f[i].unallowed, ss->f[i].disguised);
	}
	irm_buf_addc(b, ']');
}

void
irm_seq_get(struct irm_seqset **ssp, struct json_object *arr)
{
	size_t i, n = irm_json_len(arr);
	struct json_object *a;
	struct sfile *f;
	const char *act, *name;
	int k;

	for (i = 0; i < n; i++) {
		a = irm_json_at(arr, i);
		name = json_object_get_string(irm_json_at(a, 0));
		/* A state of before the disguised flag has one element less. */
		if ((irm_json_len(a) != 3 + 2 * IRM_SEQ_NSTEPS &&
		        irm_json_len(a) != 4 + 2 * IRM_SEQ_NSTEPS) ||
		    name == NULL)
			continue;
		if (*ssp == NULL)
			*ssp = irm_xcalloc(1, sizeof(**ssp));
		f = start(*ssp, name, 0);
		for (k = 0; k < IRM_SEQ_NSTEPS; k++) {
			f->day[k] =
			    json_object_get_int64(irm_json_at(a, 1 + 2 * k));
			act = json_object_get_string(irm_json_at(a, 2 + 2 * k));
			f->act[k] = act && *act ? intern(act) : NULL;
		}
		f->prio =
		    json_object_get_int(irm_json_at(a, 1 + 2 * IRM_SEQ_NSTEPS));
		f->unallowed =
		    json_object_get_int(irm_json_at(a, 2 + 2 * IRM_SEQ_NSTEPS));
		f->disguised =
		    json_object_get_int(irm_json_at(a, 3 + 2 * IRM_SEQ_NSTEPS));
	}
}
