/*
 * fuzz_hr.c - HR connector CSV, with and without --map column mapping,
 * through irm-norm's reading loop (fuzz_norm in util.c).
 */
#include "fuzz.h"

#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

/* The --map of tests/golden/norm/hr-map-fields.cmd. */
static const struct irm_colmap map[] = {{"user", "Mail"}, {"scenario", "Type"},
    {"effective_date", "Changed"}, {"old_level", "From"}, {"new_level", "To"},
    {"remarks", "Notes"}, {"rating", "Score"}, {"resignation_date", "Left"},
    {"last_working_date", "Last day"}};

FUZZ_INIT_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_norm(data, size, IRM_FMT_HR_CSV, map, NITEMS(map));
	return 0;
}
