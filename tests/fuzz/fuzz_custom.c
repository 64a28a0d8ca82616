/*
 * fuzz_custom.c - custom indicator CSV, with and without --map column mapping,
 * through irm-norm's reading loop (fuzz_norm in util.c).
 */
#include "fuzz.h"

#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

/* The --map of tests/golden/norm/custom-map.cmd. */
static const struct irm_colmap map[] = {{"user", "Mail"}, {"time", "When"},
    {"indicator", "Rule"}, {"value", "Points"}, {"severity", "Level"},
    {"id", "Ref"}};

FUZZ_INIT_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_norm(data, size, IRM_FMT_CUSTOM_CSV, map, NITEMS(map));
	return 0;
}
