/*
 * fuzz_evfast.c - irm-score's fast event reader (irm_ev_fast) against
 * json-c and irm_ev_parse: each line of the input, read both ways, must
 * give the same event field for field, unless the fast reader handed the
 * line on (1).  The reader's scratch and lists carry over from line to
 * line as in irm-score.  A difference aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/evsame.h"
#include "fuzz.h"

FUZZ_INIT_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct json_tokener *tok;
	static struct irm_evfast fs;
	static struct irm_ev fev, sev;
	const char *p = (const char *)data, *end = p + size, *nl, *what;
	size_t len;

	if (tok == NULL) {
		tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH);
		if (tok == NULL)
			abort();
		json_tokener_set_flags(tok, JSON_TOKENER_VALIDATE_UTF8);
	}
	/* The whole input as one line too: NUL bytes, newlines inside. */
	if (evsame_check(tok, &fs, &fev, &sev, p, size, &what) == -1) {
		fprintf(stderr, "fast reader differs: %s\n", what);
		abort();
	}
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		len = (size_t)(nl - p);
		if (evsame_check(tok, &fs, &fev, &sev, p, len, &what) == -1) {
			fprintf(stderr, "fast reader differs (%s) on: %.*s\n",
			    what, (int)len, p);
			abort();
		}
	}
	return 0;
}
