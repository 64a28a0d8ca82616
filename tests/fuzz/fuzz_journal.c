/*
 * fuzz_journal.c - the store's journal file (irm-store(5)) as its
 * readers and writers meet it: irm_store_read folding into the state,
 * irm_store_verify, irm_violations_load (irm-score -S), and a writer's
 * irm_store_begin, which cuts a torn last line and records the cut.
 * The file is DIR/journal.jsonl of the scratch directory; the key and
 * journal.head are removed before each input, so the writer creates a key
 * and appends journal.keyed (migrating the input as a store from before
 * keys), and the readers check the MACs with that key afterwards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_score.h"
#include "irm_store.h"

FUZZ_INIT_ONLY

static void
reader(void)
{
	char head[IRM_STORE_HASH_LEN];
	struct irm_state *st = irm_state_new();
	struct irm_store *s;
	struct irm_error e;
	size_t torn;

	if ((s = irm_store_open(fuzz_dir(), 0, &e)) == NULL) {
		irm_state_free(st);
		return;
	}
	irm_store_read(s, irm_state_fold, st, &torn, &e);
	irm_state_free(st);
	irm_store_close(s);
	if ((s = irm_store_open(fuzz_dir(), 0, &e)) == NULL)
		return;
	irm_store_verify(s, NULL, head, fuzz_warn, NULL);
	irm_store_close(s);
}

static void
violations(void)
{
	struct irm_violation *v;
	struct irm_error e;
	size_t i, n;

	if (irm_violations_load(fuzz_dir(), NULL, &v, &n, &e) == -1)
		return;
	for (i = 0; i < n; i++)
		free(v[i].user);
	free(v);
}

static void
writer(void)
{
	struct irm_state *st = irm_state_new();
	struct irm_store *s;
	struct irm_error e;

	if ((s = irm_store_open(fuzz_dir(), 1, &e)) == NULL) {
		irm_state_free(st);
		return;
	}
	if (irm_store_begin(
	        s, "fuzz", irm_state_fold, st, fuzz_warn, NULL, &e) == 0)
		irm_store_commit(s, &e);
	irm_state_free(st);
	irm_store_close(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/journal.key", fuzz_dir());
	unlink(path);
	snprintf(path, sizeof(path), "%s/journal.head", fuzz_dir());
	unlink(path);
	fuzz_file("journal.jsonl", data, size);
	reader();
	violations();
	writer();
	reader();
	return 0;
}
