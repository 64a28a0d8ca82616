/*
 * report_risk.c - per-user insider risk levels, by the built-in rules of
 * Purview's Adaptive Protection: elevated, moderate, minor.  Alert rules
 * look at open alerts (a dismissed alert or a resolved case resets the
 * level); activity rules count the distinct (day, indicator) insights of
 * open alerts in the 7 days up to now, so the same activity seen by two
 * policies counts once.  "High severity" is a score of 67 or more.
 */
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_event.h"
#include "irm_report.h"
#include "irm_score.h"

#define DAY_MS 86400000LL
#define WINDOW_DAYS 7

struct tally {
	int open[4];  /* open alerts by severity 1-3 */
	int seq_high; /* high sequence insights in the window */
	int exf_high; /* high exfiltration insights in the window */
	int64_t last; /* the user's newest alert day */
};

static int
is_exfiltration(const char *what)
{
	int i = irm_indicator_find(what);

	return i >= 0 && irm_indicators[i].exfiltration;
}

/* Has an earlier insight of the user's open alerts the same day and
 * indicator? */
static int
seen_before(struct irm_alert *const *v, size_t n, size_t ai, size_t ii)
{
	const struct irm_alert_ins *x = &v[ai]->ins[ii];
	size_t a, i;

	for (a = 0; a <= ai; a++)
		for (i = 0; i < (a == ai ? ii : v[a]->nins); i++)
			if (v[a]->ins[i].day / DAY_MS == x->day / DAY_MS &&
			    strcmp(v[a]->ins[i].what, x->what) == 0)
				return 1;
	(void)n;
	return 0;
}

static void
count(struct irm_alert *const *v, size_t n, int64_t now, struct tally *t)
{
	int64_t from = (now / DAY_MS - (WINDOW_DAYS - 1)) * DAY_MS;
	const struct irm_alert_ins *x;
	size_t a, i;

	memset(t, 0, sizeof(*t));
	t->last = INT64_MIN;
	for (a = 0; a < n; a++) {
		t->open[irm_alert_severity(v[a])]++;
		if (v[a]->last > t->last)
			t->last = v[a]->last;
		for (i = 0; i < v[a]->nins; i++) {
			x = &v[a]->ins[i];
			if (irm_severity_of(x->score) < IRM_SEV_HIGH ||
			    x->day < from || x->day > now ||
			    seen_before(v, n, a, i))
				continue;
			if (strcmp(x->what, "sequence") == 0)
				t->seq_high++;
			else if (is_exfiltration(x->what))
				t->exf_high++;
		}
	}
}

static void
reason(struct irm_buf *out, int *first, const char *fmt, int n)
{
	irm_buf_adds(out, *first ? "\"" : ",\"");
	irm_buf_printf(out, fmt, n, n == 1 ? "" : "s");
	irm_buf_addc(out, '"');
	*first = 0;
}

/*
 * The level (3 elevated .. 1 minor, 0 none), with every condition met,
 * of any level, as the reasons: since every insight belongs to an
 * alert, the activity conditions mostly explain a level that an alert
 * already gives.
 */
static int
level(const struct tally *t, struct irm_buf *why)
{
	int first = 1, lv = 0;

	if (t->open[3]) {
		reason(why, &first, "elevated: %d open high severity alert%s",
		    t->open[3]);
		lv = 3;
	}
	if (t->seq_high >= 3) {
		reason(why, &first,
		    "elevated: %d high severity sequence insight%s in 7 days",
		    t->seq_high);
		lv = 3;
	}
	if (t->open[2]) {
		reason(why, &first, "moderate: %d open medium severity alert%s",
		    t->open[2]);
		lv = lv > 2 ? lv : 2;
	}
	if (t->exf_high >= 2) {
		reason(why, &first,
		    "moderate: %d high severity exfiltration insight%s in 7 days",
		    t->exf_high);
		lv = lv > 2 ? lv : 2;
	}
	if (t->open[1]) {
		reason(why, &first, "minor: %d open low severity alert%s",
		    t->open[1]);
		lv = lv > 1 ? lv : 1;
	}
	if (t->exf_high == 1) {
		reason(why, &first,
		    "minor: %d high severity exfiltration insight%s in 7 days",
		    t->exf_high);
		lv = lv > 1 ? lv : 1;
	}
	return lv;
}

static void
write_level(struct irm_alert *const *v, size_t n, int lv,
    const struct irm_buf *why, int64_t now, struct irm_buf *out)
{
	static const char *const names[] = {
	    "", "minor", "moderate", "elevated"};
	char ts[IRM_TIME_LEN], until[IRM_TIME_LEN];
	size_t i;

	irm_time_format(now, ts);
	irm_time_format(now + WINDOW_DAYS * DAY_MS, until);
	irm_buf_printf(out,
	    "{\"@timestamp\":\"%s\",\"event\":{\"kind\":\"risk_level\"},"
	    "\"user\":{\"name\":",
	    ts);
	irm_json_quote(out, v[0]->user);
	irm_buf_printf(out,
	    "},\"irm\":{\"risk_level\":{\"level\":\"%s\",\"reasons\":[%s],"
	    "\"until\":\"%s\",\"alerts\":[",
	    names[lv], why->data, until);
	for (i = 0; i < n; i++) {
		if (i)
			irm_buf_addc(out, ',');
		irm_json_quote(out, v[i]->id);
	}
	irm_buf_adds(out, "]}}}\n");
}

static int
cmp_user(const void *a, const void *b)
{
	const struct irm_alert *x = *(const struct irm_alert *const *)a;
	const struct irm_alert *y = *(const struct irm_alert *const *)b;
	int c = strcmp(x->user, y->user);

	return c ? c : strcmp(x->id, y->id);
}

void
irm_risk_levels(const struct irm_alerts *a, struct irm_buf *out)
{
	size_t i, j, n = 0, total = irm_alerts_count(a);
	struct irm_alert **v = irm_xcalloc(total + 1, sizeof(*v));
	struct irm_buf why, lines[4];
	struct tally t;
	int64_t now = INT64_MIN;
	int lv;

	for (i = 0; i < total; i++) {
		struct irm_alert *al = irm_alerts_at(a, i);

		if (al->last > now)
			now = al->last;
		if (irm_alert_open(al))
			v[n++] = al;
	}
	qsort(v, n, sizeof(*v), cmp_user);
	irm_buf_init(&why, 1 << 16);
	for (lv = 0; lv < 4; lv++)
		irm_buf_init(&lines[lv], (size_t)1 << 30);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[j]->user, v[i]->user) == 0;
		     j++)
			;
		irm_buf_reset(&why);
		irm_buf_adds(&why, "");
		count(v + i, j - i, now, &t);
		if ((lv = level(&t, &why)) > 0)
			write_level(v + i, j - i, lv, &why, now, &lines[lv]);
	}
	for (lv = 3; lv > 0; lv--)
		if (lines[lv].len)
			irm_buf_add(out, lines[lv].data, lines[lv].len);
	for (lv = 0; lv < 4; lv++)
		irm_buf_free(&lines[lv]);
	irm_buf_free(&why);
	free(v);
}
