/*
 * fuzz_policy.c - irm-score's policy files (irm-policy(5)):
 * irm_policies_load, then the users scope of each policy loaded.
 */
#include "fuzz.h"
#include "irm.h"
#include "irm_score.h"

FUZZ_INIT_ONLY

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *paths[1];
	struct irm_policy *p = NULL;
	struct irm_lint lint = {0};
	int i, n;

	paths[0] = (char *)fuzz_file("policy.json", data, size);
	n = irm_policies_load(paths, 1, NULL, &p, &lint);
	for (i = 0; i < n; i++) {
		irm_policy_covers(&p[i], "alice@contoso.com");
		irm_policy_covers(&p[i], "svc-backup@contoso.com");
	}
	irm_policies_free(p, n > 0 ? (size_t)n : 0);
	irm_lint_free(&lint);
	return 0;
}
