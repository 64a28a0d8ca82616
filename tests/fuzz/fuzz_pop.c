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
#include "irm_json.h"
#include "irm_score.h"

static const char *const policy_text[] = {
    "{\"name\": \"theft\", \"template\": \"data_theft_departing\","
    " \"triggers\": [\"start_scoring\"], \"boosters\":"
    " {\"unusual_activity\": true}, \"sequences\": true,"
    " \"cumulative_exfiltration\": true, \"alert\": {\"min_score\": 1}}\n",
    "{\"name\": \"leaks\", \"template\": \"data_leaks\","
    " \"cumulative_exfiltration\": true, \"alert\": {\"min_score\": 1}}\n",
};

#define NPOL (sizeof(policy_text) / sizeof(policy_text[0]))

#define EV(ts, id, user, act)                                                  \
	"{\"@timestamp\":\"" ts "\",\"event\":{\"id\":\"" id "\","             \
	"\"action\":\"A\",\"category\":[\"file\"],\"type\":[\"access\"],"      \
	"\"module\":\"o365\",\"dataset\":\"o365.audit\"},\"user\":{\"name\":"  \
	"\"" user "\"},\"irm\":{\"activity\":\"" act "\"},\"file\":{\"name\":" \
	"\"a.xlsx\",\"extension\":\"xlsx\"}}\n"

static const char events[] = EV("2026-03-02T10:00:00.000Z", "e1",
    "adele@contoso.com", "cloud_uploaded") EV("2026-03-02T11:00:00.000Z", "e2",
    "bob@contoso.com", "usb_copy") EV("2026-03-03T10:00:00.000Z", "e3",
    "adele@contoso.com", "usb_copy") EV("2026-03-03T10:00:00.000Z", "e4",
    "adele@contoso.com", "cloud_uploaded")
    EV("2026-03-04T09:00:00.000Z", "e5", "bob@contoso.com", "cloud_uploaded")
        EV("2026-03-04T09:30:00.000Z", "e6", "adele@contoso.com", "usb_copy");

static struct irm_settings *settings;
static struct irm_policy *pol;
static const size_t npol = NPOL;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	fuzz_config(NULL, policy_text, NPOL, &settings, &pol);
	return 0;
}

/* The fixed events through the engine, each day final at the end. */
static void
score(struct irm_engine *g)
{
	char *argv[1];
	struct irm_input *in;
	struct irm_jread *jr;
	struct json_object *o;
	struct irm_jrec r;
	struct irm_ev ev = {0};
	struct irm_error e;
	struct irm_buf out;
	int rc;

	argv[0] = (char *)fuzz_file("events.jsonl", events, sizeof(events) - 1);
	in = irm_input_new(1, argv, 1 << 16);
	jr = irm_jread_new(in);
	irm_buf_init(&out, 64L << 20);
	while (irm_input_next_file(in, &e) == 1) {
		irm_jread_reset(jr);
		while ((rc = irm_jread_next(jr, &o, &r, &e)) != IRM_JREAD_EOF &&
		    rc != IRM_JREAD_FATAL) {
			if (rc != IRM_JREAD_RECORD ||
			    irm_ev_parse(o, &ev, &e) == -1)
				abort();
			irm_engine_add(g, &ev, &out);
			irm_buf_reset(&out);
		}
	}
	irm_engine_finish(g, &out);
	irm_ev_free(&ev);
	irm_jread_free(jr);
	irm_input_free(in);
	irm_buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct irm_engine_opts eo = {
	    settings, pol, npol, 1, 90, INT64_MIN, NULL, 0};
	struct irm_pop *p = irm_pop_new();
	struct irm_engine *g;
	struct irm_error e;
	const char *path = fuzz_file("population", data, size);

	if (irm_pop_load(p, path, &e) == 0 && irm_pop_load(p, path, &e) == 0) {
		g = irm_engine_new(&eo);
		irm_engine_population(g, p, 1);
		score(g);
		irm_engine_free(g);
	}
	irm_pop_free(p);
	return 0;
}
