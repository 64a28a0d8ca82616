/*
 * fuzz_alert.c - insights (irm-insight(5) lines) into alerts:
 * irm_insight_check and irm_alerts_add, then every alert format of
 * irm-alert(5) (records as alerts change, the documents at the end, risk
 * levels).  Strings in the insights are the fuzzer's, so the escaping of
 * csv, table, html, o365 and ocsf meets hostile text.  The low bits of
 * each insight's line number triage the alert it changed, so episodes
 * end and reopen.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_format.h"
#include "irm_report.h"

#define OUT_MAX (16L << 20)

struct ctx {
	struct irm_alerts *a;
	struct irm_buf out;
};

FUZZ_INIT_ONLY

static int
one(void *arg, struct json_object *o, unsigned long line)
{
	static const enum irm_out stream[] = {
	    IRM_OUT_JSONL, IRM_OUT_O365, IRM_OUT_OCSF};
	struct ctx *c = arg;
	struct irm_alert *al = NULL;
	struct irm_error e;
	size_t i;
	int fresh = 0;

	if (irm_insight_check(o, &e) == -1)
		return 0;
	if (irm_alerts_add(c->a, o, &al, &fresh, &e) != 1)
		return 0;
	for (i = 0; i < sizeof(stream) / sizeof(stream[0]); i++) {
		irm_buf_init(&c->out, OUT_MAX);
		irm_out_record(
		    stream[i], al, fresh ? "new" : "updated", &c->out);
		irm_buf_free(&c->out);
	}
	if (line % 5 == 3)
		irm_alert_set_status(al, IRM_ALERT_DISMISSED, NULL);
	else if (line % 7 == 5)
		irm_alert_set_status(al, IRM_ALERT_CONFIRMED, "case-1");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum irm_out doc[] = {IRM_OUT_JSONL, IRM_OUT_CSV,
	    IRM_OUT_TABLE, IRM_OUT_HTML, IRM_OUT_O365, IRM_OUT_OCSF};
	struct ctx c = {irm_alerts_new(), {0}};
	struct irm_alert **v;
	size_t i, n;

	fuzz_lines(data, size, one, &c);
	n = irm_alerts_count(c.a);
	v = irm_xcalloc(n ? n : 1, sizeof(*v));
	for (i = 0; i < n; i++)
		v[i] = irm_alerts_at(c.a, i);
	qsort(v, n, sizeof(*v), irm_alert_cmp_queue);
	for (i = 0; i < sizeof(doc) / sizeof(doc[0]); i++) {
		irm_buf_init(&c.out, OUT_MAX);
		irm_out_report(doc[i], v, n, i == 2, &c.out);
		irm_buf_free(&c.out);
	}
	irm_buf_init(&c.out, OUT_MAX);
	irm_risk_levels(c.a, &c.out);
	irm_buf_free(&c.out);
	irm_alerts_max_severity(c.a);
	free(v);
	irm_alerts_free(c.a);
	return 0;
}
