/*
 * report_alert.c - grouping insights into alerts.  An alert is the open
 * episode of one (user, policy): its id hashes policy, user and episode
 * (always 1 until a store can close episodes), so the same insights give
 * the same alerts in any run.
 *
 * Score: the highest score among the alert's insights, plus 2 for every
 * further distinct insight (evidence accrues), at most 100; severity from
 * the score as for insights (high 67-100, medium 34-66, low 1-33).
 */
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_json.h"
#include "irm_report.h"

#define TOP_MAX 3
#define IDS_MAX 100

/* One insight of an alert: its id, revision and what it scored. */
struct ins {
	char *id;
	int rev;
	int score;
	int count;
	char *what; /* indicator, or the insight kind */
};

struct alert {
	char *user, *policy, *ruleset;
	char id[32];
	int64_t first, last; /* insight days, ms */
	struct ins *ins;
	size_t nins;
	char **factors; /* risk factor names, sorted, distinct */
	size_t nfactors;
	int emitted;
};

struct irm_alerts {
	struct alert **v;
	size_t n, cap;
	unsigned long insights;
};

struct irm_alerts *
irm_alerts_new(void)
{
	return irm_xcalloc(1, sizeof(struct irm_alerts));
}

static void
alert_free(struct alert *al)
{
	size_t i;

	for (i = 0; i < al->nins; i++) {
		free(al->ins[i].id);
		free(al->ins[i].what);
	}
	for (i = 0; i < al->nfactors; i++)
		free(al->factors[i]);
	free(al->ins);
	free(al->factors);
	free(al->user);
	free(al->policy);
	free(al->ruleset);
	free(al);
}

void
irm_alerts_free(struct irm_alerts *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->n; i++)
		alert_free(a->v[i]);
	free(a->v);
	free(a);
}

/* Alerts are kept sorted by (policy, user) for lookup by bisection. */
static int
cmp_key(const struct alert *al, const char *policy, const char *user)
{
	int c = strcmp(al->policy, policy);

	return c ? c : strcmp(al->user, user);
}

static struct alert *
alert_get(struct irm_alerts *a, const char *policy, const char *user,
    const char *ruleset)
{
	size_t lo = 0, hi = a->n, mid;
	struct irm_buf b;
	struct alert *al;
	char hex[65];
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = cmp_key(a->v[mid], policy, user);
		if (c == 0)
			return a->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = irm_xrealloc(a->v, a->cap * sizeof(*a->v));
	}
	memmove(&a->v[lo + 1], &a->v[lo], (a->n - lo) * sizeof(*a->v));
	a->n++;
	al = a->v[lo] = irm_xcalloc(1, sizeof(*al));
	al->user = irm_xstrdup(user);
	al->policy = irm_xstrdup(policy);
	al->ruleset = irm_xstrdup(ruleset ? ruleset : "");
	al->first = INT64_MAX;
	al->last = INT64_MIN;
	irm_buf_init(&b, 1 << 20);
	irm_buf_printf(&b, "%s%c%s%c1", policy, 0, user, 0);
	irm_sha256_hex(b.data, b.len, hex);
	irm_buf_free(&b);
	memcpy(al->id, "alr-", 4);
	memcpy(al->id + 4, hex, 20);
	al->id[24] = '\0';
	return al;
}

static void
add_factor(struct alert *al, const char *name)
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
add_factors(struct alert *al, struct json_object *irm)
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

/*
 * Record the insight; 0 when the alert already had it at this revision
 * or a later one (a replay).
 */
static int
add_insight(struct alert *al, const char *id, int rev, int score, int count,
    const char *what)
{
	size_t i;

	for (i = 0; i < al->nins; i++) {
		if (strcmp(al->ins[i].id, id) != 0)
			continue;
		if (rev <= al->ins[i].rev)
			return 0;
		al->ins[i].rev = rev;
		al->ins[i].score = score;
		al->ins[i].count = count;
		return 1;
	}
	al->ins = irm_xrealloc(al->ins, (al->nins + 1) * sizeof(*al->ins));
	al->ins[al->nins++] =
	    (struct ins){irm_xstrdup(id), rev, score, count, irm_xstrdup(what)};
	return 1;
}

static int
alert_score(const struct alert *al)
{
	int best = 0;
	size_t i;

	for (i = 0; i < al->nins; i++)
		if (al->ins[i].score > best)
			best = al->ins[i].score;
	best += 2 * (int)(al->nins ? al->nins - 1 : 0);
	return best > 100 ? 100 : best;
}

static int
severity_of(int score)
{
	return score >= 67 ? 3 : score >= 34 ? 2 : 1;
}

/*
 * Indexes of the (at most TOP_MAX) best-scoring insights, best first;
 * among equal scores the earlier insight first.
 */
static size_t
top(const struct alert *al, size_t *idx)
{
	size_t i, k, n = 0;

	for (i = 0; i < al->nins; i++) {
		k = n < TOP_MAX ? n++ : TOP_MAX;
		while (k > 0 && al->ins[idx[k - 1]].score < al->ins[i].score) {
			if (k < TOP_MAX)
				idx[k] = idx[k - 1];
			k--;
		}
		if (k < TOP_MAX)
			idx[k] = i;
	}
	return n;
}

static void
write_alert(const struct alert *al, int changed_new, struct irm_buf *out)
{
	static const char *const sev[] = {"low", "medium", "high"};
	char first[IRM_TIME_LEN], last[IRM_TIME_LEN];
	int score = alert_score(al), s = severity_of(score);
	size_t i, idx[TOP_MAX], n;

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
	    "},\"irm\":{\"alert\":{\"status\":\"needs_review\","
	    "\"score\":%d,\"severity\":\"%s\",\"first_seen\":\"%s\","
	    "\"last_seen\":\"%s\",\"count\":%zu,\"insights\":[",
	    score, sev[s - 1], first, last, al->nins);
	for (i = 0; i < al->nins && i < IDS_MAX; i++) {
		if (i)
			irm_buf_addc(out, ',');
		irm_json_quote(out, al->ins[i].id);
	}
	irm_buf_adds(out, "],\"risk_factors\":[");
	for (i = 0; i < al->nfactors; i++) {
		if (i)
			irm_buf_addc(out, ',');
		irm_json_quote(out, al->factors[i]);
	}
	irm_buf_adds(out, "],\"top\":[");
	n = top(al, idx);
	for (i = 0; i < n; i++) {
		irm_buf_printf(out, "%s{\"indicator\":", i ? "," : "");
		irm_json_quote(out, al->ins[idx[i]].what);
		irm_buf_printf(out, ",\"score\":%d,\"count\":%d}",
		    al->ins[idx[i]].score, al->ins[idx[i]].count);
	}
	irm_buf_printf(
	    out, "],\"change\":\"%s\"}}}\n", changed_new ? "new" : "updated");
}

int
irm_alerts_add(struct irm_alerts *a, struct json_object *o, struct irm_buf *out,
    struct irm_error *e)
{
	struct json_object *irm = irm_json_get(o, "irm");
	const char *id = irm_json_str(irm_json_get(o, "event"), "id");
	const char *user = irm_json_str(irm_json_get(o, "user"), "name");
	const char *policy = irm_json_str(irm_json_get(o, "rule"), "name");
	const char *ts = irm_json_str(o, "@timestamp");
	const char *what = irm_json_str(irm, "indicator");
	long long rev = 0, score, count = 0;
	struct alert *al;
	int flags = IRM_TIME_UTC, fresh;
	int64_t ms;

	if (id == NULL || user == NULL || policy == NULL || ts == NULL ||
	    irm_json_int(irm, "score", &score) == -1 || score < 0 ||
	    score > 100 || irm_time_parse(ts, strlen(ts), &flags, &ms, NULL))
		return irm_seterr(e,
		    "not an insight (irm-insight(5)): needs "
		    "@timestamp, event.id, user.name, rule.name, irm.score");
	irm_json_int(irm, "revision", &rev);
	irm_json_int(irm, "count", &count);
	if (what == NULL)
		what = irm_json_str(irm, "insight");
	a->insights++;
	al = alert_get(
	    a, policy, user, irm_json_str(irm_json_get(o, "rule"), "ruleset"));
	if (!add_insight(
	        al, id, (int)rev, (int)score, (int)count, what ? what : "?"))
		return 0;
	if (ms < al->first)
		al->first = ms;
	if (ms > al->last)
		al->last = ms;
	add_factors(al, irm);
	fresh = !al->emitted;
	al->emitted = 1;
	write_alert(al, fresh, out);
	return 1;
}

int
irm_alerts_max_severity(const struct irm_alerts *a)
{
	int best = 0, s;
	size_t i;

	for (i = 0; i < a->n; i++)
		if ((s = severity_of(alert_score(a->v[i]))) > best)
			best = s;
	return best;
}

unsigned long
irm_alerts_insights(const struct irm_alerts *a)
{
	return a->insights;
}
