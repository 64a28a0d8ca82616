/*
 * score_ev.c - an irm-event(5) line as irm-score reads it: the fields the
 * indicators, triggers and boosters look at, borrowed from the parsed
 * object.  irm-score never parses vendor formats; an event that lacks the
 * fields every event has is rejected.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "irm_score.h"

static struct json_object *
path2(struct json_object *o, const char *a, const char *b)
{
	return irm_json_get(irm_json_get(o, a), b);
}

static const char *
str2(struct json_object *o, const char *a, const char *b)
{
	return irm_json_text(path2(o, a, b));
}

static void
clear(struct irm_ev *ev)
{
	struct irm_strv labels = ev->labels, to = ev->email_to;
	struct irm_strv acts = ev->rule_actions;

	memset(ev, 0, sizeof(*ev));
	ev->labels.v = labels.v;
	ev->labels.cap = labels.cap;
	ev->email_to.v = to.v;
	ev->email_to.cap = to.cap;
	ev->rule_actions.v = acts.v;
	ev->rule_actions.cap = acts.cap;
	ev->value = NAN;
	ev->attachments = -1;
}

static void
read_irm(struct json_object *irm, struct irm_ev *ev)
{
	struct json_object *hr = irm_json_get(irm, "hr"), *v;
	long long n;

	ev->activity = irm_json_str(irm, "activity");
	ev->irm_severity = irm_json_str(irm, "severity");
	ev->label = irm_json_str(irm, "label");
	irm_json_strv_add(&ev->labels, irm_json_get(irm, "labels"));
	ev->label_old = irm_json_str(irm, "label_old");
	ev->label_change = irm_json_str(irm, "label_change");
	ev->share_scope = str2(irm, "share", "scope");
	ev->share_target = str2(irm, "share", "target");
	ev->asset = irm_json_str(irm, "asset");
	ev->category = irm_json_str(irm, "category");
	ev->alert_category = irm_json_str(irm, "alert_category");
	ev->indicator = irm_json_str(irm, "indicator");
	v = irm_json_get(irm, "value");
	if (json_object_is_type(v, json_type_int) ||
	    json_object_is_type(v, json_type_double))
		ev->value = json_object_get_double(v);
	if (irm_json_int(irm, "attachments", &n) == 0)
		ev->attachments = n;
	ev->hr_resignation_date = irm_json_str(hr, "resignation_date");
	ev->hr_last_working_date = irm_json_str(hr, "last_working_date");
	ev->hr_effective_date = irm_json_str(hr, "effective_date");
	ev->hr_rating = irm_json_str(hr, "rating");
	ev->hr_old_level = irm_json_str(hr, "old_level");
	ev->hr_new_level = irm_json_str(hr, "new_level");
	ev->rule_folder = str2(irm, "mail_rule", "folder");
	irm_json_strv_add(
	    &ev->rule_actions, path2(irm, "mail_rule", "actions"));
}

static void
read_ecs(struct json_object *o, struct irm_ev *ev)
{
	struct json_object *file = irm_json_get(o, "file");
	struct json_object *email = irm_json_get(o, "email");
	struct json_object *from;
	long long sev;

	ev->action = str2(o, "event", "action");
	ev->outcome = str2(o, "event", "outcome");
	if (irm_json_int(irm_json_get(o, "event"), "severity", &sev) == 0)
		ev->severity = (int)sev;
	ev->target_user = irm_json_str(path2(o, "user", "target"), "name");
	ev->file_name = irm_json_str(file, "name");
	ev->file_ext = irm_json_str(file, "extension");
	ev->file_dir = irm_json_str(file, "directory");
	ev->file_path = irm_json_str(file, "path");
	/* irm.file.previous_name; file.previous_name from irm-norm before
	 * ECS conformance (not an ECS field). */
	ev->file_prev = irm_json_str(path2(o, "irm", "file"), "previous_name");
	if (ev->file_prev == NULL)
		ev->file_prev = irm_json_str(file, "previous_name");
	ev->url_full = str2(o, "url", "full");
	ev->url_domain = str2(o, "url", "domain");
	ev->dest_domain = str2(o, "destination", "domain");
	ev->email_subject = irm_json_str(email, "subject");
	/* email.from.address is an array in ECS: its first address. */
	from = path2(email, "from", "address");
	if (json_object_is_type(from, json_type_array))
		from = json_object_array_length(from) > 0
		    ? json_object_array_get_idx(from, 0)
		    : NULL;
	ev->email_from = json_object_is_type(from, json_type_string)
	    ? json_object_get_string(from)
	    : NULL;
	irm_json_strv_add(&ev->email_to, path2(email, "to", "address"));
	irm_json_strv_add(&ev->email_to, path2(email, "cc", "address"));
	irm_json_strv_add(&ev->email_to, path2(email, "bcc", "address"));
	ev->source_ip = str2(o, "source", "ip");
	ev->user_agent = str2(o, "user_agent", "original");
	if (ev->user_agent == NULL)
		ev->user_agent = str2(o, "user_agent", "name");
	ev->host_name = str2(o, "host", "name");
	ev->rule_name = str2(o, "rule", "name");
}

int
irm_ev_parse(struct json_object *o, struct irm_ev *ev, struct irm_error *e)
{
	const char *ts = irm_json_str(o, "@timestamp");
	struct irm_error te;
	int flags = IRM_TIME_UTC;

	clear(ev);
	if (!json_object_is_type(o, json_type_object))
		return irm_seterr(e, "not a JSON object");
	if (ts == NULL)
		return irm_seterr(e, "missing @timestamp");
	if (irm_time_parse(ts, strlen(ts), &flags, &ev->ts, &te) == -1)
		return irm_seterr(e, "@timestamp: %s", te.msg);
	ev->day = ev->ts >= 0 ? ev->ts / 86400000
	                      : -((-ev->ts + 86399999) / 86400000);
	ev->id = str2(o, "event", "id");
	ev->user = str2(o, "user", "name");
	if (ev->id == NULL)
		return irm_seterr(e, "missing event.id");
	if (ev->user == NULL)
		return irm_seterr(e, "missing user.name");
	if (strnlen(ev->user, IRM_IDENT_MAX + 1) > IRM_IDENT_MAX)
		return irm_seterr(
		    e, "user.name longer than %d bytes", IRM_IDENT_MAX);
	read_irm(irm_json_get(o, "irm"), ev);
	if (ev->activity == NULL)
		return irm_seterr(e, "missing irm.activity");
	read_ecs(o, ev);
	return 0;
}

void
irm_ev_free(struct irm_ev *ev)
{
	if (ev == NULL)
		return;
	free(ev->labels.v);
	free(ev->email_to.v);
	free(ev->rule_actions.v);
	memset(ev, 0, sizeof(*ev));
}
