/*
 * fuzz_purview.c - Purview audit log CSV exports, AuditData JSON inside CSV,
 * through irm-norm's reading loop (fuzz_norm in util.c).
 */
#include "fuzz.h"

FUZZ_INIT_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_norm(data, size, IRM_FMT_PURVIEW_CSV, NULL, 0);
	return 0;
}
