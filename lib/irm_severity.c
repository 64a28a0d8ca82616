/*
 * irm_severity.c - the severities of insights and alerts: one table of
 * their names and of the score each starts at (high 67-100, medium
 * 34-66, low 0-33), for irm-score, irm-report and irm-case.
 */
#include <stddef.h>
#include <string.h>

#include "irm.h"

static const struct {
	const char *name;
	int min_score;
} severities[] = {
    {"low", 0},
    {"medium", 34},
    {"high", 67},
};

#define NSEV ((int)(sizeof(severities) / sizeof(severities[0])))

int
irm_severity_of(int score)
{
	int sev = NSEV;

	while (sev > IRM_SEV_LOW && score < severities[sev - 1].min_score)
		sev--;
	return sev;
}

const char *
irm_severity_name(int severity)
{
	if (severity < IRM_SEV_LOW || severity > NSEV)
		severity = IRM_SEV_LOW;
	return severities[severity - 1].name;
}

int
irm_severity_parse(const char *name)
{
	int sev;

	for (sev = IRM_SEV_LOW; name != NULL && sev <= NSEV; sev++)
		if (irm_strcaseeq(name, severities[sev - 1].name))
			return sev;
	return 0;
}
