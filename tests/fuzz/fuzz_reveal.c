/*
 * fuzz_reveal.c - irm-case reveal's directory CSV: irm_reveal with the
 * fuzzing key, the first line of the input as the pseudonym looked for
 * and the rest as the directory.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "irm.h"
#include "irm_reveal.h"

static const char key[] = "fuzzing-key-0123456789abcdef\n";

FUZZ_INIT_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	char pseudonym[256], *found = NULL;
	const char *keyfile, *dir;
	struct irm_error e;
	size_t n;

	if (nl == NULL)
		return 0;
	n = (size_t)(nl - (const char *)data);
	if (n >= sizeof(pseudonym))
		return 0;
	memcpy(pseudonym, data, n);
	pseudonym[n] = '\0';
	keyfile = fuzz_file("reveal-key", key, sizeof(key) - 1);
	dir = fuzz_file("directory", nl + 1, size - n - 1);
	if (irm_reveal(keyfile, dir, pseudonym, &found, &e) == 0)
		free(found);
	return 0;
}
