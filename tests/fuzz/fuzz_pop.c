/*
 * fuzz_pop.c - irm-score --population: irm_pop_load of whatever the file
 * holds (a second load of the same file merges it, as partitions do),
 * then an engine that uses the population scores a few fixed events of
 * two users over three days and makes every day final.  The policies
 * count cumulative exfiltration, which spans the population's users.
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
    " \"triggers\": [\"start_scoring\"], \"boosters\":"
    " {\"unusual_activity\": true}, \"sequences\": true,"
    " \"cumulative_exfiltration\": true, \"alert\": {\"min_score\": 1}}\n",
    "{\"name\": \"leaks\", \"template\": \"data_leaks\","
    " \"cumulative_exfiltration\": true, \"alert\": {\"min_score\": 1}}\n",
};

/* The events: time, id, user, activity (a file copied or uploaded). */
static const char *const ev_rows[][4] = {
    {"2026-03-02T10:00:00", "e1", "adele", "cloud_uploaded"},
    {"2026-03-02T11:00:00", "e2", "bob", "usb_copied"},
    {"2026-03-03T10:00:00", "e3", "adele", "usb_copied"},
    {"2026-03-03T10:00:00", "e4", "adele", "cloud_uploaded"},
    {"2026-03-04T09:00:00", "e5", "bob", "cloud_uploaded"},
    {"2026-03-04T09:30:00", "e6", "adele", "usb_copied"},
};

/* The events as irm-event(5) lines. */
static const char *
events(void)
{
	static char text[4096];
	size_t i, n = 0;

	if (text[0])
		return text;
	for (i = 0; i < sizeof(ev_rows) / sizeof(*ev_rows); i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
		    "{\"@timestamp\":\"%s.000Z\",\"event\":{\"id\":\"%s\"},"
		    "\"user\":{\"name\":\"%s@contoso.com\"},"
		    "\"irm\":{\"activity\":\"%s\"},"
		    "\"file\":{\"name\":\"a.xlsx\",\"extension\":\"xlsx\"}}\n",
		    ev_rows[i][0], ev_rows[i][1], ev_rows[i][2], ev_rows[i][3]);
	return text;
}

FUZZ_INIT_CONFIG(NULL, policy_text)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct irm_engine_opts eo = {
	    settings, pol, npol, 1, 90, INT64_MIN, NULL, 0};
	struct irm_pop *p = irm_pop_new();
	struct irm_engine *g;
	struct irm_error e;
	struct irm_buf out;
	const char *path = fuzz_file("population", data, size);

	if (irm_pop_load(p, path, &e) == 0 && irm_pop_load(p, path, &e) == 0) {
		g = irm_engine_new(&eo);
		irm_engine_population(g, p, 1);
		irm_buf_init(&out, 64L << 20);
		fuzz_events(g,
		    fuzz_file("events.jsonl", events(), strlen(events())), &out,
		    1);
		irm_engine_finish(g, &out);
		irm_buf_free(&out);
		irm_engine_free(g);
	}
	irm_pop_free(p);
	return 0;
}
