/*
 * fuzz_fstate.c - irm-fetch's --state file: irm_fstate_open of whatever
 * the file holds (bit 0 of the first byte: an o365 or a graph state),
 * then what a run does with it: cursors read and moved, ids looked up,
 * marked and pruned, and the state saved and opened again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_fetch.h"

#define TENANT "f28ab78a-d401-4060-8012-736e373933eb"

static const char *const keys[] = {"Audit.AzureActiveDirectory",
    "Audit.Exchange", "Audit.SharePoint", "Audit.General", "DLP.All", "signIns",
    "directoryAudits"};

FUZZ_INIT_ONLY

/* What a run does with a loaded state; the state must then reload. */
static void
use(struct irm_fstate *s, const char *path, const char *source)
{
	struct irm_fstate *again;
	struct irm_error e;
	int64_t c;
	size_t i;
	int busy;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		c = irm_fstate_cursor(s, keys[i]);
		(void)irm_fstate_seen(s, keys[i]);
		irm_fstate_set_cursor(
		    s, keys[i], c < 0 ? 1772323200000 : c + 1);
		irm_fstate_mark(s, keys[i], c);
	}
	irm_fstate_prune(s, 1772323200000);
	if (irm_fstate_save(s, &e) == -1)
		abort(); /* the scratch directory takes any state */
	irm_fstate_free(s);
	again = irm_fstate_open(path, source, TENANT, &busy, &e);
	if (again == NULL)
		abort(); /* what irm-fetch saved, it must read back */
	irm_fstate_free(again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *source, *path;
	struct irm_fstate *s;
	struct irm_error e;
	int busy;

	if (size == 0)
		return 0;
	source = data[0] & 1 ? "graph" : "o365";
	path = fuzz_file("fstate", data + 1, size - 1);
	s = irm_fstate_open(path, source, TENANT, &busy, &e);
	if (s)
		use(s, path, source);
	return 0;
}
