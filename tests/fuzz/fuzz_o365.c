/*
 * fuzz_o365.c - O365 Management Activity API records (JSON lines, content
 * blobs, pages) through irm-norm's reading loop (fuzz_norm in util.c).
 */
#include "fuzz.h"

FUZZ_INIT_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_norm(data, size, IRM_FMT_O365, NULL, 0);
	return 0;
}
