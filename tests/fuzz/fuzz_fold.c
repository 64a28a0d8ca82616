/*
 * fuzz_fold.c - the store's state as the fold of journal entries
 * (irm_state_fold), one entry a line, then the alerts it holds in every
 * format.  The hash chain is not checked here (fuzz_journal does that),
 * but entries get what the journal reader guarantees before it folds: an
 * object with a "type" string and a "data" object.  Folding stops at the
 * first entry the fold refuses, as the reader does.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_format.h"
#include "irm_json.h"
#include "irm_store.h"

FUZZ_INIT_ONLY

static int
fold(void *ctx, struct json_object *o, unsigned long line)
{
	struct irm_error e;

	if (!json_object_is_type(o, json_type_object) ||
	    irm_json_str(o, "type") == NULL ||
	    !json_object_is_type(irm_json_get(o, "data"), json_type_object))
		return 0;
	return irm_state_fold(ctx, o, line, &e);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct irm_state *st = irm_state_new();
	struct irm_alert **v;
	struct irm_buf out;
	char id[32];
	size_t i, n;

	fuzz_lines(data, size, fold, st);
	irm_state_next_case_id(st, id);
	n = irm_alerts_count(st->alerts);
	v = irm_xcalloc(n ? n : 1, sizeof(*v));
	for (i = 0; i < n; i++)
		v[i] = irm_alerts_at(st->alerts, i);
	qsort(v, n, sizeof(*v), irm_alert_cmp_queue);
	irm_buf_init(&out, 16L << 20);
	irm_out_report(IRM_OUT_CSV, v, n, 0, &out);
	irm_buf_free(&out);
	free(v);
	irm_state_free(st);
	return 0;
}
