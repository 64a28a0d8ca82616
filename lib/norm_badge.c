/*
 * norm_badge.c - records of the Purview physical badging connector
 * (ref: purview-irm.md section 5.3) to events.  The schema requires
 * UserId, AssetId, EventTime (UTC) and AccessStatus (Success or Failed);
 * a record without one of them is rejected.  Keys are matched
 * case-insensitively, as the files are written by hand or by badge
 * systems' exports.  Records carry no id, so the event id hashes the
 * record in compact form: the same swipe gets the same id whether it came
 * in a JSON line, a one-line array or a pretty-printed file.
 */
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "norm_int.h"

static const char *
field(struct json_object *o, const char *key)
{
	return irm_json_text(irm_json_get_ci(o, key));
}

/* The required fields, and the outcome from AccessStatus. */
static int
required(struct json_object *o, struct irm_event *ev, struct irm_error *e)
{
	const char *t = field(o, "EventTime");
	const char *status = field(o, "AccessStatus");
	struct irm_error te;
	int flags = IRM_TIME_UTC;

	ev->user = field(o, "UserId");
	if (ev->user == NULL)
		return irm_seterr(e, "missing UserId");
	ev->asset = field(o, "AssetId");
	if (ev->asset == NULL)
		return irm_seterr(e, "missing AssetId");
	if (t == NULL)
		return irm_seterr(e, "missing timestamp (EventTime)");
	if (irm_time_parse(t, strlen(t), &flags, &ev->ts, &te) == -1)
		return irm_seterr(e, "EventTime: %s", te.msg);
	if (status == NULL)
		return irm_seterr(e, "missing AccessStatus");
	if (irm_strcaseeq(status, "Success"))
		ev->outcome = "success";
	else if (irm_strcaseeq(status, "Failed"))
		ev->outcome = "failure";
	else
		return irm_seterr(
		    e, "AccessStatus: not Success or Failed: %s", status);
	return 0;
}

int
irm_map_badge(struct json_object *o, const char *raw, size_t rawlen,
    struct irm_event *ev, struct irm_error *e)
{
	const char *compact;

	if (required(o, ev, e) == -1)
		return IRM_MAP_REJECT;
	/* The connector has no operation; one constant names the swipe. */
	ev->action = "PhysicalAccess";
	irm_event_set_activity(ev, "badge_access");
	ev->module = "badge";
	ev->dataset = "badge.access";
	(void)raw;
	(void)rawlen;
	compact = json_object_to_json_string_ext(
	    o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	irm_event_id_hash(ev, compact, strlen(compact));
	return IRM_MAP_EVENT;
}
