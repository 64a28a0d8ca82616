/*
 * fuzz_badge.c - physical badging records (badge JSON)
 * through irm-norm's reading loop (fuzz_norm in util.c).
 */
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_norm(data, size, IRM_FMT_BADGE, NULL, 0);
	return 0;
}
