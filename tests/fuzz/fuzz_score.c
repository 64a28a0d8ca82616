/*
 * fuzz_score.c - irm-score's input: irm-event(5) lines read with
 * irm_jread, parsed by irm_ev_parse and counted by the engine under
 * settings and three policies (departing data theft with every booster,
 * data leaks with sequences, custom), then the state saved and loaded
 * back (--state) and every day made final.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_json.h"
#include "irm_score.h"

static const char settings_text[] =
    "{\"labels\": [{\"id\": \"d9f2\", \"name\": \"Highly Confidential\"},"
    " {\"id\": \"0c8a\", \"name\": \"General\"}],"
    " \"domains\": {\"internal\": [\"contoso.com\"],"
    " \"allowed\": [\"partner.com\"], \"unallowed\": [\"gmail.com\"],"
    " \"third_party\": [\"*.dropbox.com\"]},"
    " \"priority_content\": {\"labels\": [\"Highly Confidential\"],"
    " \"extensions\": [\"xlsx\"]},"
    " \"working_hours\": {\"zone\": \"Europe/Berlin\","
    " \"days\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"],"
    " \"start\": \"07:00\", \"end\": \"19:00\"},"
    " \"unusual\": {\"min_daily\": 2, \"factor\": 2}}\n";

static const char *const policy_text[] = {
    "{\"name\": \"theft\", \"template\": \"data_theft_departing\","
    " \"triggers\": [\"hr_resignation\", \"account_deleted\","
    " \"start_scoring\"], \"boosters\": {\"unusual_activity\": true,"
    " \"priority_user\": true, \"previous_violation\": true,"
    " \"after_hours\": true}, \"sequences\": true,"
    " \"cumulative_exfiltration\": true, \"alert\": {\"min_score\": 1}}\n",
    "{\"name\": \"leaks\", \"template\": \"data_leaks\","
    " \"indicators\": {\"usb_copy\": {\"weight\": 20,"
    " \"thresholds\": [1, 2, 3]}}, \"sequences\": true,"
    " \"alert\": {\"min_score\": 1}}\n",
    "{\"name\": \"custom\", \"template\": \"custom\","
    " \"window\": {\"before_days\": 14, \"after_days\": 30},"
    " \"alert\": {\"min_score\": 1}}\n",
};

FUZZ_INIT_CONFIG(settings_text, policy_text)

static struct irm_engine *
engine(void)
{
	static const struct irm_violation viol[] = {{"bob@contoso.com", 20500}};
	struct irm_engine_opts eo = {
	    settings, pol, npol, 1, 90, INT64_MIN, viol, 1};

	return irm_engine_new(&eo);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct irm_engine *g = engine();
	struct irm_error e;
	struct irm_buf out;
	const char *state;

	irm_buf_init(&out, 64L << 20);
	fuzz_events(g, fuzz_file("events.jsonl", data, size), &out, 0);
	/* The state file round trip: save, load into a fresh engine. */
	state = fuzz_file("state.jsonl", "", 0);
	if (irm_engine_save(g, state, &e) == -1)
		abort();
	irm_engine_free(g);
	g = engine();
	if (irm_engine_load(g, state, &e) == -1) {
		fprintf(stderr, "%s\n", e.msg);
		abort();
	}
	irm_engine_finish(g, &out);
	irm_buf_free(&out);
	irm_engine_free(g);
	return 0;
}
