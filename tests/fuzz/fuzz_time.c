/*
 * fuzz_time.c - irm_time_parse, every timestamp form of the sources.
 * The first byte picks the flags (bit 0: zone-less is UTC, else
 * Europe/Berlin); the rest is the value.  A value that parses must
 * format and parse back to the same instant.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "irm.h"

FUZZ_INIT_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char out[IRM_TIME_LEN];
	struct irm_error e;
	int64_t ms, back;
	int flags;

	if (size == 0)
		return 0;
	flags = data[0] & 1 ? IRM_TIME_UTC : 0;
	if (irm_time_parse((const char *)data + 1, size - 1, &flags, &ms, &e))
		return 0;
	irm_time_format(ms, out);
	flags = IRM_TIME_UTC;
	if (irm_time_parse(out, strlen(out), &flags, &back, &e) == -1 ||
	    back != ms)
		abort();
	return 0;
}
