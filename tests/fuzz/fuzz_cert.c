/*
 * fuzz_cert.c - CERT insider threat data set CSV (r4.2, r6.2, LDAP,
 * psychometric) through irm-norm's reading loop (fuzz_norm in util.c).
 */
#include "fuzz.h"

FUZZ_INIT_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_norm(data, size, IRM_FMT_CERT, NULL, 0);
	return 0;
}
