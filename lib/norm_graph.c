/*
 * norm_graph.c - Microsoft Graph objects to events: Entra ID
 * directoryAudits and signIns, security alerts_v2, and the records of the
 * Purview Audit Search API (security/auditLog/queries/{id}/records), whose
 * auditData is an O365 record.  A page does not say what it holds, so the
 * kind of each object is told by its keys.  Graph times are UTC (ref:
 * o365-api.md section 3); absent fields are simply not written.
 */
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "norm_int.h"

/* Parse the UTC time in member key into ev->ts. */
static int
set_time(struct json_object *o, const char *key, struct irm_event *ev,
    struct irm_error *e)
{
	const char *t = irm_json_str(o, key);
	struct irm_error te;
	int flags = IRM_TIME_UTC;

	if (t == NULL)
		return irm_seterr(e, "missing timestamp (%s)", key);
	if (irm_time_parse(t, strlen(t), &flags, &ev->ts, &te) == -1)
		return irm_seterr(e, "%s: %s", key, te.msg);
	return 0;
}

/* Is el an evidence entry of the given type ("#microsoft.graph.x.TYPE")? */
static int
evidence_is(struct json_object *el, const char *type)
{
	const char *t = irm_json_str(el, "@odata.type"), *dot;

	if (t == NULL)
		return 0;
	dot = strrchr(t, '.');
	return strcmp(dot ? dot + 1 : t, type) == 0;
}

/* ----------------------------------------------------- directoryAudits */

/*
 * Activity names that map to an irm.activity; every other directory
 * change is "other".
 */
static const struct {
	const char *name;
	const char *activity;
} audit_acts[] = {
    {"Add member to group", "member_added"},
    {"Delete user", "account_deleted"},
};

static const char *
audit_activity(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(audit_acts) / sizeof(audit_acts[0]); i++)
		if (strcmp(name, audit_acts[i].name) == 0)
			return audit_acts[i].activity;
	return "other";
}

/*
 * The account acted on: the first target of type User with a
 * userPrincipalName.  Graph spells the key both "type" and "Type".
 */
static const char *
audit_target(struct json_object *targets)
{
	struct json_object *el;
	const char *type, *upn;
	size_t i, n;

	if (!json_object_is_type(targets, json_type_array))
		return NULL;
	n = json_object_array_length(targets);
	for (i = 0; i < n; i++) {
		el = json_object_array_get_idx(targets, i);
		type = irm_json_text(irm_json_get_ci(el, "type"));
		upn = irm_json_str(el, "userPrincipalName");
		if (type && irm_strcaseeq(type, "User") && upn)
			return upn;
	}
	return NULL;
}

static int
directory_audit(
    struct json_object *o, struct irm_event *ev, struct irm_error *e)
{
	struct json_object *by = irm_json_get(o, "initiatedBy");
	struct json_object *user = irm_json_get(by, "user");
	struct json_object *app = irm_json_get(by, "app");
	const char *result = irm_json_str(o, "result");

	if (set_time(o, "activityDateTime", ev, e) == -1)
		return -1;
	ev->action = irm_json_str(o, "activityDisplayName");
	if (ev->action == NULL)
		return irm_seterr(e, "missing activityDisplayName");
	/* An app acts under its own name; the user object is then null. */
	ev->user = irm_json_str(user, "userPrincipalName");
	if (ev->user == NULL)
		ev->user = irm_json_str(app, "displayName");
	if (ev->user == NULL)
		ev->user = irm_json_str(app, "servicePrincipalId");
	if (ev->user == NULL)
		return irm_seterr(e, "missing user (initiatedBy)");
	ev->source_ip = irm_json_str(user, "ipAddress");
	ev->target_user = audit_target(irm_json_get(o, "targetResources"));
	irm_event_set_activity(ev, audit_activity(ev->action));
	if (result && irm_strcaseeq(result, "success"))
		ev->outcome = "success";
	else if (result && irm_strcaseeq(result, "failure"))
		ev->outcome = "failure";
	ev->provider = irm_json_str(o, "loggedByService");
	ev->dataset = "graph.directoryAudits";
	return 0;
}

/* ------------------------------------------------------------- signIns */

/* A sign-in failed when status.errorCode is not 0, whatever else says. */
static int
sign_in(struct json_object *o, struct irm_event *ev, struct irm_error *e)
{
	struct json_object *status = irm_json_get(o, "status");
	long long code;

	if (set_time(o, "createdDateTime", ev, e) == -1)
		return -1;
	ev->user = irm_json_str(o, "userPrincipalName");
	if (ev->user == NULL)
		return irm_seterr(e, "missing userPrincipalName");
	if (irm_json_get(status, "errorCode") == NULL)
		return irm_seterr(e, "missing status.errorCode");
	if (irm_json_int(status, "errorCode", &code) == -1)
		return irm_seterr(e, "status.errorCode: not a number");
	/* Sign-ins have no operation; the resource type names them. */
	ev->action = "signIn";
	irm_event_set_activity(ev, code == 0 ? "logon" : "logon_failed");
	ev->outcome = code == 0 ? "success" : "failure";
	ev->source_ip = irm_json_str(o, "ipAddress");
	ev->host_name =
	    irm_json_str(irm_json_get(o, "deviceDetail"), "displayName");
	ev->dataset = "graph.signIns";
	return 0;
}

/* ----------------------------------------------------------- alerts_v2 */

/*
 * low, medium and high are event.severity 1, 2 and 3.  informational is
 * kept in irm.severity but has no number; unknown is not written.
 */
static void
alert_severity(struct irm_event *ev, const char *sev)
{
	static const char *const names[] = {
	    "informational", "low", "medium", "high"};
	int i;

	if (sev == NULL)
		return;
	for (i = 0; i < 4; i++)
		if (irm_strcaseeq(sev, names[i])) {
			ev->irm_severity = names[i];
			ev->severity = i;
		}
}

/*
 * The user comes from userEvidence: the first userPrincipalName, else the
 * first accountName@domainName.  The host is the first deviceDnsName.
 */
static void
alert_evidence(struct json_object *arr, struct irm_event *ev)
{
	struct json_object *el, *acct;
	const char *name = NULL, *dom = NULL;
	size_t i, n;

	n = json_object_is_type(arr, json_type_array)
	    ? json_object_array_length(arr)
	    : 0;
	for (i = 0; i < n; i++) {
		el = json_object_array_get_idx(arr, i);
		if (ev->host_name == NULL && evidence_is(el, "deviceEvidence"))
			ev->host_name = irm_json_str(el, "deviceDnsName");
		if (ev->user || !evidence_is(el, "userEvidence"))
			continue;
		acct = irm_json_get(el, "userAccount");
		ev->user = irm_json_str(acct, "userPrincipalName");
		if (name == NULL && irm_json_str(acct, "accountName") &&
		    irm_json_str(acct, "domainName")) {
			name = irm_json_str(acct, "accountName");
			dom = irm_json_str(acct, "domainName");
		}
	}
	if (ev->user == NULL && name)
		ev->user = irm_event_printf(ev, "%s@%s", name, dom);
}

static int
alert(struct json_object *o, struct irm_event *ev, struct irm_error *e)
{
	if (set_time(o, "createdDateTime", ev, e) == -1)
		return -1;
	ev->action = irm_json_str(o, "title");
	if (ev->action == NULL)
		return irm_seterr(e, "missing title");
	alert_evidence(irm_json_get(o, "evidence"), ev);
	if (ev->user == NULL)
		return irm_seterr(e, "missing user (no userEvidence)");
	irm_event_set_activity(ev, "security_alert");
	ev->rule_name = ev->action;
	ev->alert_category = irm_json_str(o, "category");
	alert_severity(ev, irm_json_str(o, "severity"));
	ev->provider = irm_json_str(o, "serviceSource");
	ev->dataset = "graph.alerts_v2";
	return 0;
}

/* ------------------------------------------------------ auditLogRecord */

/* Does auditData hold a record, not just its "@odata.type"? */
static int
has_record(struct json_object *ad)
{
	if (!json_object_is_type(ad, json_type_object))
		return 0;
	json_object_object_foreach(ad, k, v)
	{
		(void)v;
		if (strncmp(k, "@odata.", 7) != 0)
			return 1;
	}
	return 0;
}

/*
 * The outer fields go in first; the O365 mapper then reads auditData,
 * whose own values win.  Without a record in auditData it still maps the
 * operation name, so the outer fields make a minimal event.
 */
static int
audit_record(struct json_object *o, struct irm_event *ev, struct irm_error *e)
{
	struct json_object *ad = irm_json_get(o, "auditData"), *empty = NULL;
	int rc;

	if (!has_record(ad) || irm_json_get_ci(ad, "CreationTime") == NULL)
		if (set_time(o, "createdDateTime", ev, e) == -1)
			return -1;
	ev->id = irm_json_str(o, "id");
	ev->action = irm_json_str(o, "operation");
	ev->user = irm_json_str(o, "userPrincipalName");
	if (ev->user == NULL)
		ev->user = irm_json_str(o, "userId");
	ev->source_ip = irm_json_str(o, "clientIp");
	if (!has_record(ad))
		ad = empty = json_object_new_object();
	if (ad == NULL)
		return irm_seterr(e, "out of memory");
	rc = irm_map_o365(ad, ev, e);
	json_object_put(empty);
	if (rc != IRM_MAP_EVENT)
		return -1;
	if (ev->provider == NULL)
		ev->provider = irm_json_str(o, "service");
	ev->dataset = "graph.auditLogRecords";
	return 0;
}

/* -------------------------------------------------------------- mapper */

int
irm_map_graph(struct json_object *o, const char *raw, size_t rawlen,
    struct irm_event *ev, struct irm_error *e)
{
	int rc;

	(void)raw;
	(void)rawlen;
	if (irm_json_get(o, "auditLogRecordType") ||
	    irm_json_get(o, "auditData"))
		rc = audit_record(o, ev, e);
	else if (irm_json_get(o, "activityDateTime") ||
	    irm_json_get(o, "activityDisplayName"))
		rc = directory_audit(o, ev, e);
	else if (irm_json_get(o, "title") || irm_json_get(o, "evidence") ||
	    irm_json_get(o, "serviceSource"))
		rc = alert(o, ev, e);
	else if (irm_json_get(o, "createdDateTime"))
		rc = sign_in(o, ev, e);
	else
		rc = irm_seterr(e,
		    "unknown graph object (no activityDateTime or createdDateTime)");
	if (rc == -1)
		return IRM_MAP_REJECT;
	if (ev->id == NULL)
		ev->id = irm_json_str(o, "id");
	ev->module = "graph";
	return IRM_MAP_EVENT;
}
