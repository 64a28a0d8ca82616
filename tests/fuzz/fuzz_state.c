/*
 * fuzz_state.c - irm-score's --state file: irm_engine_load of whatever
 * the file holds, then every day made final and the state saved again.
 * The policies are the templates data_theft_departing and data_leaks
 * named as the seeds' states name them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_score.h"

static const char *const policy_text[] = {
    "{\"name\": \"theft\", \"template\": \"data_theft_departing\","
    " \"sequences\": true, \"cumulative_exfiltration\": true}\n",
    "{\"name\": \"leaks\", \"template\": \"data_leaks\"}\n",
};

FUZZ_INIT_CONFIG(NULL, policy_text)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct irm_engine_opts eo = {
	    settings, pol, npol, 1, 90, INT64_MIN, NULL, 0};
	struct irm_engine *g = irm_engine_new(&eo);
	struct irm_error e;
	struct irm_buf out;
	const char *state = fuzz_file("state.jsonl", data, size);

	irm_buf_init(&out, 64L << 20);
	if (irm_engine_load(g, state, &e) == 0) {
		irm_engine_finish(g, &out);
		irm_engine_save(g, fuzz_file("saved.jsonl", "", 0), &e);
	}
	irm_buf_free(&out);
	irm_engine_free(g);
	return 0;
}
