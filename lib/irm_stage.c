/*
 * irm_stage.c - what stage of the pipeline a rejected record belongs to,
 * so that a tool fed the wrong stage (raw audit records into irm-score,
 * events or a CSV file into irm-report) says once which tool comes first
 * and then stops repeating itself for every record.
 */
#include <string.h>

#include "irm.h"
#include "irm_json.h"

/*
 * Raw records of a source irm-norm reads: the top-level keys that its
 * format detection (norm_detect.c) looks for first.
 */
static int
is_raw(struct json_object *o)
{
	static const char *const keys[] = {"Operation", "CreationTime",
	    "RecordType", "activityDateTime", "createdDateTime",
	    "activityDisplayName", "AssetId", "AccessStatus"};
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (irm_json_get(o, keys[i]))
			return 1;
	return 0;
}

enum irm_stage
irm_stage_guess(struct json_object *o, const char *raw, size_t len)
{
	const char *kind;
	struct json_object *irm;

	if (o == NULL) {
		while (len > 0 && (*raw == ' ' || *raw == '\t')) {
			raw++;
			len--;
		}
		if (len > 0 && *raw != '{' && *raw != '[' &&
		    (memchr(raw, ',', len) || memchr(raw, ';', len)))
			return IRM_STAGE_CSV;
		return IRM_STAGE_UNKNOWN;
	}
	kind = irm_json_str(irm_json_get(o, "event"), "kind");
	irm = irm_json_get(o, "irm");
	/* Events of alerts raised elsewhere are event.kind alert too. */
	if (irm_json_get(irm, "activity"))
		return IRM_STAGE_EVENT;
	if (kind && (strcmp(kind, "alert") == 0 || strcmp(kind, "case") == 0))
		return IRM_STAGE_ALERT;
	if ((kind &&
	        (strcmp(kind, "enrichment") == 0 ||
	            strcmp(kind, "signal") == 0)) ||
	    irm_json_get(irm, "insight"))
		return IRM_STAGE_INSIGHT;
	if (is_raw(o))
		return IRM_STAGE_RAW;
	return IRM_STAGE_UNKNOWN;
}

const char *
irm_stage_hint(enum irm_stage got, enum irm_stage want)
{
	if (got == want || got == IRM_STAGE_UNKNOWN)
		return NULL;
	if (want == IRM_STAGE_EVENT)
		switch (got) {
		case IRM_STAGE_RAW:
			return "raw audit records, not events: run irm-norm first (irm-norm | irm-score)";
		case IRM_STAGE_CSV:
			return "CSV, not JSON events: run irm-norm first (irm-norm | irm-score)";
		case IRM_STAGE_INSIGHT:
			return "insights, not events: they are irm-score's output, for irm-report";
		case IRM_STAGE_ALERT:
			return "alerts, not events: they are irm-report's output";
		default:
			return NULL;
		}
	if (want == IRM_STAGE_INSIGHT)
		switch (got) {
		case IRM_STAGE_RAW:
			return "raw audit records, not insights: run irm-norm and irm-score first (irm-norm | irm-score | irm-report)";
		case IRM_STAGE_CSV:
			return "CSV, not JSON insights: run irm-norm and irm-score first (irm-norm | irm-score | irm-report)";
		case IRM_STAGE_EVENT:
			return "events, not insights: run irm-score first (irm-score | irm-report)";
		case IRM_STAGE_ALERT:
			return "alerts, not insights: they are irm-report's output (irm-case reads the store)";
		default:
			return NULL;
		}
	return NULL;
}

int
irm_stage_count(struct irm_stage_gate *g, const char *file, enum irm_stage got,
    enum irm_stage want, const char **hint)
{
	*hint = NULL;
	if (g->file == NULL || strcmp(g->file, file) != 0) {
		g->file = file;
		g->n = 0;
	}
	if (irm_stage_hint(got, want) == NULL)
		return 1;
	if (g->n++ == 0) {
		g->stage = got;
		*hint = irm_stage_hint(got, want);
	}
	return g->n <= IRM_STAGE_SHOWN;
}

int
irm_stage_end(struct irm_stage_gate *g, struct irm_error *e)
{
	unsigned long n = g->n > IRM_STAGE_SHOWN ? g->n - IRM_STAGE_SHOWN : 0;

	if (n)
		irm_seterr(e,
		    "%s: %lu more %s rejected (the first %d reported)", g->file,
		    n, irm_stage_name(g->stage), IRM_STAGE_SHOWN);
	g->file = NULL;
	g->n = 0;
	return n > 0;
}

const char *
irm_stage_name(enum irm_stage s)
{
	switch (s) {
	case IRM_STAGE_RAW:
		return "raw audit records";
	case IRM_STAGE_CSV:
		return "CSV lines";
	case IRM_STAGE_EVENT:
		return "events";
	case IRM_STAGE_INSIGHT:
		return "insights";
	case IRM_STAGE_ALERT:
		return "alerts";
	default:
		return "records";
	}
}
