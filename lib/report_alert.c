/*
 * report_alert.c - grouping insights into alerts.  An alert is one
 * episode of one (user, policy): its id hashes policy, user and episode,
 * so the same insights (and the same triage) give the same alerts in any
 * run.  A dismissed or resolved alert ends its episode: the next new
 * insight of that user and policy opens episode 2, and so on.
 *
 * Score: the highest score among the alert's insights, plus 2 for every
 * further distinct insight (evidence accrues), at most 100; severity from
 * the score as for insights (high 67-100, medium 34-66, low 0-33).  An
 * insight that counted the same events as an earlier one (one mail
 * matches email_personal_domain and email_self) is no further evidence.
 */
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_json.h"
#include "irm_report.h"

#define IDS_MAX 100
#define EV_IDS_MAX 20 /* irm-insight(5): a list stops at 20 */

struct irm_alerts {
	struct irm_alert **all; /* every episode, in the order opened */
	size_t n, cap;
	struct irm_alert **key; /* latest episode per key, sorted */
	size_t nkey, capkey;
	unsigned long insights;
};

struct irm_alerts *
irm_alerts_new(void)
{
	return irm_xcalloc(1, sizeof(struct irm_alerts));
}

static void
ins_ev_free(struct irm_alert_ins *in)
{
	size_t i;

	for (i = 0; i < in->nev; i++)
		free(in->ev[i]);
	free(in->ev);
	in->ev = NULL;
	in->nev = 0;
}

static void
alert_free(struct irm_alert *al)
{
	size_t i;

	for (i = 0; i < al->nins; i++) {
		free(al->ins[i].id);
		free(al->ins[i].what);
		free(al->ins[i].trigger_name);
		free(al->ins[i].factors);
		ins_ev_free(&al->ins[i]);
	}
	for (i = 0; i < al->nfactors; i++)
		free(al->factors[i]);
	free(al->ins);
	free(al->factors);
	free(al->user);
	free(al->policy);
	free(al->ruleset);
	free(al->case_id);
	free(al);
}

void
irm_alerts_free(struct irm_alerts *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->n; i++)
		alert_free(a->all[i]);
	free(a->all);
	free(a->key);
	free(a);
}

size_t
irm_alerts_count(const struct irm_alerts *a)
{
	return a->n;
}

struct irm_alert *
irm_alerts_at(const struct irm_alerts *a, size_t i)
{
	return i < a->n ? a->all[i] : NULL;
}

struct irm_alert *
irm_alerts_find(const struct irm_alerts *a, const char *id)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (strcmp(a->all[i]->id, id) == 0)
			return a->all[i];
	return NULL;
}

/* Keys are kept sorted by (policy, user) for lookup by bisection. */
static int
cmp_key(const struct irm_alert *al, const char *policy, const char *user)
{
	int c = strcmp(al->policy, policy);

	return c ? c : strcmp(al->user, user);
}

static size_t
key_find(const struct irm_alerts *a, const char *policy, const char *user,
    int *found)
{
	size_t lo = 0, hi = a->nkey, mid;
	int c;

	*found = 0;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = cmp_key(a->key[mid], policy, user);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
alert_id(struct irm_alert *al)
{
	struct irm_buf b;
	char hex[65];

	irm_buf_init(&b, 1 << 20);
	irm_buf_printf(
	    &b, "%s%c%s%c%d", al->policy, 0, al->user, 0, al->episode);
	irm_sha256_hex(b.data, b.len, hex);
	irm_buf_free(&b);
	memcpy(al->id, "alr-", 4);
	memcpy(al->id + 4, hex, 20);
	al->id[24] = '\0';
}

/* A new episode for the key at slot (found or not). */
static struct irm_alert *
alert_open(struct irm_alerts *a, size_t slot, int found, const char *policy,
    const char *user, const char *ruleset)
{
	struct irm_alert *al = irm_xcalloc(1, sizeof(*al));

	al->user = irm_xstrdup(user);
	al->policy = irm_xstrdup(policy);
	al->ruleset = irm_xstrdup(ruleset ? ruleset : "");
	al->first = INT64_MAX;
	al->last = INT64_MIN;
	al->episode = 1;
	if (found) {
		al->prev_episode = a->key[slot];
		al->episode = a->key[slot]->episode + 1;
		a->key[slot] = al;
	} else {
		if (a->nkey == a->capkey) {
			a->capkey = a->capkey ? a->capkey * 2 : 64;
			a->key =
			    irm_xrealloc(a->key, a->capkey * sizeof(*a->key));
		}
		memmove(&a->key[slot + 1], &a->key[slot],
		    (a->nkey - slot) * sizeof(*a->key));
		a->key[slot] = al;
		a->nkey++;
	}
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->all = irm_xrealloc(a->all, a->cap * sizeof(*a->all));
	}
	a->all[a->n++] = al;
	alert_id(al);
	return al;
}

static void
add_factor(struct irm_alert *al, const char *name)
{
	size_t i;

	for (i = 0; i < al->nfactors; i++)
		if (strcmp(al->factors[i], name) == 0)
			return;
	for (i = al->nfactors; i > 0 && strcmp(al->factors[i - 1], name) > 0;
	     i--)
		;
	al->factors = irm_xrealloc(
	    al->factors, (al->nfactors + 1) * sizeof(*al->factors));
	memmove(&al->factors[i + 1], &al->factors[i],
	    (al->nfactors - i) * sizeof(*al->factors));
	al->factors[i] = irm_xstrdup(name);
	al->nfactors++;
}

/* Risk factors: the insight's kind beyond indicators, and multipliers. */
static void
add_factors(struct irm_alert *al, struct json_object *irm)
{
	struct json_object *f = irm_json_get(irm, "factors");
	const char *kind = irm_json_str(irm, "insight");
	size_t i, n;

	if (kind && strcmp(kind, "indicator") != 0)
		add_factor(al, kind);
	n = json_object_is_type(f, json_type_array)
	    ? json_object_array_length(f)
	    : 0;
	for (i = 0; i < n; i++) {
		struct json_object *x = json_object_array_get_idx(f, i);
		const char *name = irm_json_str(x, "name");

		if (name && irm_json_get(x, "x"))
			add_factor(al, name);
	}
}

/* The insight in this episode or an earlier one, or NULL. */
static struct irm_alert_ins *
ins_find(struct irm_alert *al, const char *id, struct irm_alert **owner)
{
	size_t i;

	for (; al; al = al->prev_episode)
		for (i = 0; i < al->nins; i++)
			if (strcmp(al->ins[i].id, id) == 0) {
				*owner = al;
				return &al->ins[i];
			}
	return NULL;
}

static char *
dup_or_null(const char *s)
{
	return s ? irm_xstrdup(s) : NULL;
}

/* The evidence ids of an insight, at most EV_IDS_MAX, replacing any. */
static void
ins_ev_set(struct irm_alert_ins *in, struct json_object *ids)
{
	size_t i, n = irm_json_len(ids);
	const char *s;

	ins_ev_free(in);
	n = n < EV_IDS_MAX ? n : EV_IDS_MAX;
	if (n)
		in->ev = irm_xcalloc(n, sizeof(*in->ev));
	for (i = 0; i < n; i++)
		if ((s = irm_json_text(irm_json_at(ids, i))) != NULL)
			in->ev[in->nev++] = irm_xstrdup(s);
}

/* Fill what an insight says beyond its id. */
static void
ins_set(struct irm_alert_ins *in, struct json_object *irm, int rev, int score,
    int64_t day)
{
	struct json_object *trig = irm_json_get(irm, "trigger");
	struct json_object *f = irm_json_get(irm, "factors");
	const char *what = irm_json_str(irm, "indicator");
	const char *ts = irm_json_str(trig, "@timestamp");
	long long count = 0;
	int flags = IRM_TIME_UTC;

	irm_json_int(irm, "count", &count);
	if (what == NULL)
		what = irm_json_str(irm, "insight");
	in->rev = rev;
	in->score = score;
	in->count = (int)count;
	in->day = day;
	free(in->what);
	free(in->trigger_name);
	free(in->factors);
	in->what = irm_xstrdup(what ? what : "?");
	in->trigger_name = dup_or_null(irm_json_str(trig, "activity"));
	if (ts == NULL ||
	    irm_time_parse(ts, strlen(ts), &flags, &in->trigger, NULL) != 0)
		in->trigger = INT64_MIN;
	in->factors = f ? irm_xstrdup(json_object_to_json_string_ext(
	                      f, JSON_C_TO_STRING_PLAIN))
	                : NULL;
	ins_ev_set(in, irm_json_get(irm_json_get(irm, "evidence"), "ids"));
}

static struct irm_alert_ins *
ins_new(struct irm_alert *al, const char *id)
{
	struct irm_alert_ins *in;

	al->ins = irm_xrealloc(al->ins, (al->nins + 1) * sizeof(*al->ins));
	in = &al->ins[al->nins++];
	memset(in, 0, sizeof(*in));
	in->id = irm_xstrdup(id);
	return in;
}

int
irm_alert_ins_same(const struct irm_alert_ins *a, const struct irm_alert_ins *b)
{
	size_t i;

	if (a->nev == 0 || a->nev != b->nev || a->count != b->count)
		return 0;
	for (i = 0; i < a->nev; i++)
		if (strcmp(a->ev[i], b->ev[i]) != 0)
			return 0;
	return 1;
}

int
irm_alert_score(const struct irm_alert *al)
{
	int best = 0, further = -1;
	size_t i, k;

	for (i = 0; i < al->nins; i++) {
		if (al->ins[i].score > best)
			best = al->ins[i].score;
		for (k = 0;
		     k < i && !irm_alert_ins_same(&al->ins[i], &al->ins[k]);
		     k++)
			;
		further += k == i;
	}
	best += 2 * (further > 0 ? further : 0);
	return best > 100 ? 100 : best;
}

int
irm_alert_severity(const struct irm_alert *al)
{
	return irm_severity_of(irm_alert_score(al));
}

static const char *const status_names[] = {
    "needs_review", "confirmed", "dismissed", "resolved"};

const char *
irm_alert_status_name(enum irm_alert_status s)
{
	return status_names[s];
}

int
irm_alert_status_parse(const char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (irm_strcaseeq(s, status_names[i]))
			return i;
	return -1;
}

int
irm_alert_open(const struct irm_alert *al)
{
	return al->status == IRM_ALERT_NEEDS_REVIEW ||
	    al->status == IRM_ALERT_CONFIRMED;
}

void
irm_alert_set_status(
    struct irm_alert *al, enum irm_alert_status s, const char *case_id)
{
	al->status = s;
	if (case_id) {
		free(al->case_id);
		al->case_id = irm_xstrdup(case_id);
	}
}

size_t
irm_alert_top(const struct irm_alert *al, size_t *idx)
{
	size_t i, k, n = 0;

	for (i = 0; i < al->nins; i++) {
		k = n < IRM_ALERT_TOP ? n++ : IRM_ALERT_TOP;
		while (k > 0 && al->ins[idx[k - 1]].score < al->ins[i].score) {
			if (k < IRM_ALERT_TOP)
				idx[k] = idx[k - 1];
			k--;
		}
		if (k < IRM_ALERT_TOP)
			idx[k] = i;
	}
	return n;
}

int
irm_alert_cmp_queue(const void *pa, const void *pb)
{
	const struct irm_alert *a = *(const struct irm_alert *const *)pa;
	const struct irm_alert *b = *(const struct irm_alert *const *)pb;
	int sa = irm_alert_score(a), sb = irm_alert_score(b);

	if (irm_alert_open(a) != irm_alert_open(b))
		return irm_alert_open(a) ? -1 : 1;
	if (irm_severity_of(sa) != irm_severity_of(sb))
		return irm_severity_of(sb) - irm_severity_of(sa);
	if (sa != sb)
		return sb - sa;
	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	return strcmp(a->id, b->id);
}

static void
quote_list(struct irm_buf *out, char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			irm_buf_addc(out, ',');
		irm_json_quote(out, v[i]);
	}
}

void
irm_alert_write_json(
    const struct irm_alert *al, const char *change, struct irm_buf *out)
{
	char first[IRM_TIME_LEN], last[IRM_TIME_LEN];
	int score = irm_alert_score(al), s = irm_severity_of(score);
	size_t i, idx[IRM_ALERT_TOP], n;

	irm_time_format(al->first, first);
	irm_time_format(al->last, last);
	irm_buf_printf(out,
	    "{\"@timestamp\":\"%s\",\"event\":{\"kind\":\"alert\","
	    "\"id\":\"%s\",\"severity\":%d},\"user\":{\"name\":",
	    last, al->id, s);
	irm_json_quote(out, al->user);
	irm_buf_adds(out, "},\"rule\":{\"name\":");
	irm_json_quote(out, al->policy);
	irm_buf_adds(out, ",\"ruleset\":");
	irm_json_quote(out, al->ruleset);
	irm_buf_printf(out,
	    "},\"irm\":{\"alert\":{\"status\":\"%s\",\"score\":%d,"
	    "\"severity\":\"%s\",\"first_seen\":\"%s\",\"last_seen\":\"%s\","
	    "\"count\":%zu,\"insights\":[",
	    irm_alert_status_name(al->status), score, irm_severity_name(s),
	    first, last, al->nins);
	for (i = 0; i < al->nins && i < IDS_MAX; i++) {
		if (i)
			irm_buf_addc(out, ',');
		irm_json_quote(out, al->ins[i].id);
	}
	irm_buf_adds(out, "],\"risk_factors\":[");
	quote_list(out, al->factors, al->nfactors);
	irm_buf_adds(out, "],\"top\":[");
	n = irm_alert_top(al, idx);
	for (i = 0; i < n; i++) {
		irm_buf_printf(out, "%s{\"indicator\":", i ? "," : "");
		irm_json_quote(out, al->ins[idx[i]].what);
		irm_buf_printf(out, ",\"score\":%d,\"count\":%d}",
		    al->ins[idx[i]].score, al->ins[idx[i]].count);
	}
	irm_buf_printf(out, "],\"episode\":%d", al->episode);
	if (al->case_id) {
		irm_buf_adds(out, ",\"case\":");
		irm_json_quote(out, al->case_id);
	}
	if (change)
		irm_buf_printf(out, ",\"change\":\"%s\"", change);
	irm_buf_adds(out, "}}}\n");
}

/*
 * The alert the insight belongs to: the open episode of its key, or a
 * new episode when there is none or the last was closed.  A revision of
 * an insight of a closed episode opens a new one too: triage covered
 * what was known then.
 */
static struct irm_alert *
alert_for(struct irm_alerts *a, struct json_object *o)
{
	const char *user = irm_json_str(irm_json_get(o, "user"), "name");
	struct json_object *rule = irm_json_get(o, "rule");
	const char *policy = irm_json_str(rule, "name");
	int found;
	size_t slot = key_find(a, policy, user, &found);

	if (found && irm_alert_open(a->key[slot]))
		return a->key[slot];
	return alert_open(
	    a, slot, found, policy, user, irm_json_str(rule, "ruleset"));
}

static struct irm_alert *
alert_latest(struct irm_alerts *a, const char *policy, const char *user)
{
	int found;
	size_t slot = key_find(a, policy, user, &found);

	return found ? a->key[slot] : NULL;
}

int
irm_insight_check(struct json_object *o, struct irm_error *e)
{
	struct json_object *irm = irm_json_get(o, "irm");
	const char *ts = irm_json_str(o, "@timestamp");
	int flags = IRM_TIME_UTC;
	long long score;
	int64_t ms;

	if (irm_json_str(irm_json_get(o, "event"), "id") == NULL ||
	    irm_json_str(irm_json_get(o, "user"), "name") == NULL ||
	    irm_json_str(irm_json_get(o, "rule"), "name") == NULL ||
	    ts == NULL || irm_json_int(irm, "score", &score) == -1 ||
	    score < 0 || score > 100 ||
	    irm_time_parse(ts, strlen(ts), &flags, &ms, NULL))
		return irm_seterr(e,
		    "not an insight (irm-insight(5)): needs @timestamp, event.id, user.name, rule.name, irm.score");
	return 0;
}

int
irm_alerts_add(struct irm_alerts *a, struct json_object *o,
    struct irm_alert **changed, int *fresh, struct irm_error *e)
{
	struct json_object *irm = irm_json_get(o, "irm");
	const char *id = irm_json_str(irm_json_get(o, "event"), "id");
	const char *user = irm_json_str(irm_json_get(o, "user"), "name");
	const char *policy = irm_json_str(irm_json_get(o, "rule"), "name");
	const char *ts = irm_json_str(o, "@timestamp");
	struct irm_alert *al, *owner = NULL;
	struct irm_alert_ins *in = NULL;
	long long rev = 0, score;
	int flags = IRM_TIME_UTC;
	int64_t ms;

	if (irm_insight_check(o, e) == -1)
		return -1;
	irm_json_int(irm, "score", &score);
	irm_time_parse(ts, strlen(ts), &flags, &ms, NULL);
	irm_json_int(irm, "revision", &rev);
	a->insights++;
	if ((al = alert_latest(a, policy, user)) != NULL)
		in = ins_find(al, id, &owner);
	if (in && rev <= in->rev)
		return 0;
	al = alert_for(a, o);
	if (in == NULL || owner != al)
		in = ins_new(al, id);
	ins_set(in, irm, (int)rev, (int)score, ms);
	if (ms < al->first)
		al->first = ms;
	if (ms > al->last)
		al->last = ms;
	add_factors(al, irm);
	*fresh = !al->emitted;
	al->emitted = 1;
	*changed = al;
	return 1;
}

int
irm_alerts_max_severity(const struct irm_alerts *a)
{
	int best = 0, s;
	size_t i;

	for (i = 0; i < a->nkey; i++)
		if (irm_alert_open(a->key[i]) &&
		    (s = irm_alert_severity(a->key[i])) > best)
			best = s;
	return best;
}

unsigned long
irm_alerts_insights(const struct irm_alerts *a)
{
	return a->insights;
}
