/*
 * norm_o365.c - Office 365 Management Activity API records (and the
 * AuditData of Purview exports) to events.  The operation decides
 * irm.activity through one table; the fields present decide the rest.
 * Field names follow the audit schema (ref: o365-api.md sections 2 and 9);
 * absent fields are simply not written.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "norm_int.h"

/* A source name and its irm name (inbox rule actions, below); the
 * operation table is in norm_o365_ops.c. */
struct act {
	const char *op;
	const char *activity;
};

/* ------------------------------------------------------------ getters */

/* Some pipelines lower-case every key (Panther); read those too. */
struct rec {
	struct json_object *o;
	int ci;
};

static struct json_object *
get(const struct rec *r, const char *key)
{
	return r->ci ? irm_json_get_ci(r->o, key) : irm_json_get(r->o, key);
}

static const char *
str(const struct rec *r, const char *key)
{
	return irm_json_text(get(r, key));
}

static const char *
sub_str(struct json_object *o, const char *obj, const char *key)
{
	return irm_json_str(irm_json_get_ci(o, obj), key);
}

/* --------------------------------------------------------------- parts */

/* ClientIP forms: "ip", "ip:port", "[ip]:port", "::1". */
static void
set_ip(struct irm_event *ev, const char *ip)
{
	const char *c, *end;

	if (ip == NULL || *ip == '\0')
		return;
	if (*ip == '[' && (end = strchr(ip, ']')) != NULL) {
		ev->source_ip =
		    irm_event_strndup(ev, ip + 1, (size_t)(end - ip - 1));
		return;
	}
	c = strchr(ip, ':');
	if (c && strchr(c + 1, ':') == NULL && strchr(ip, '.'))
		ev->source_ip = irm_event_strndup(ev, ip, (size_t)(c - ip));
	else
		ev->source_ip = ip;
}

static void
set_outcome(struct irm_event *ev, const char *status)
{
	if (status == NULL)
		return;
	if (irm_strcaseeq(status, "Succeeded") ||
	    irm_strcaseeq(status, "Success") || irm_strcaseeq(status, "True"))
		ev->outcome = "success";
	else if (irm_strcaseeq(status, "Failed") ||
	    irm_strcaseeq(status, "False"))
		ev->outcome = "failure";
	else if (irm_strcaseeq(status, "PartiallySucceeded"))
		ev->outcome = "unknown";
}

/* "low", "medium", "high" from a source severity, with event.severity. */
static void
set_severity(struct irm_event *ev, const char *sev)
{
	int i;

	if (sev == NULL)
		return;
	for (i = IRM_SEV_LOW; i <= IRM_SEV_HIGH; i++)
		if (irm_strcaseeq(sev, irm_severity_name(i)) &&
		    i > ev->severity) {
			ev->severity = i;
			ev->irm_severity = irm_severity_name(i);
		}
}

/*
 * Sign-in error codes that interrupt a sign-in without failing it: the
 * user is asked something (stay signed in, MFA, password change, device
 * registration) and the sign-in goes on.  Entra ID's AADSTS codes.
 */
static const char *const interrupts[] = {"16000", "16001", "16003", "50058",
    "50072", "50074", "50076", "50079", "50097", "50125", "50140", "50158",
    "50199", "81010", "81012", NULL};

static int
is_interrupt(const char *code)
{
	const char *const *i;

	for (i = interrupts; *i; i++)
		if (strcmp(code, *i) == 0)
			return 1;
	return 0;
}

/*
 * Logons: ErrorNumber / ErrorCode / LogonError decide, not ResultStatus;
 * an interrupt (50140, keep me signed in) on UserLoggedIn is no failure.
 */
static void
logon_outcome(const struct rec *r, struct irm_event *ev)
{
	const char *num = str(r, "ErrorNumber"), *le = str(r, "LogonError");
	struct json_object *ext = get(r, "ExtendedProperties");
	const char *login_err = irm_o365_pair(ext, "LoginError");
	int interrupt;

	if (num == NULL)
		num = str(r, "ErrorCode");
	if (num && (*num == '\0' || strcmp(num, "0") == 0))
		num = NULL;
	if (le && *le == '\0')
		le = NULL;
	if (login_err && *login_err == '\0')
		login_err = NULL;
	interrupt =
	    num && is_interrupt(num) && strcmp(ev->action, "UserLoggedIn") == 0;
	if ((num || le || login_err) && !interrupt)
		irm_event_set_activity(ev, "logon_failed");
	if (strcmp(ev->activity, "logon_failed") == 0)
		ev->outcome = "failure";
	else
		ev->outcome = "success";
	ev->error_code = num;
	ev->error_message = le ? le : login_err;
	ev->request_type = irm_o365_pair(ext, "RequestType");
	if (ev->user_agent == NULL)
		ev->user_agent = irm_o365_pair(ext, "UserAgent");
}

static const char *const change_names[] = {
    NULL, "upgraded", "downgraded", "removed", "changed"};

static void
labels(const struct rec *r, struct irm_event *ev)
{
	struct json_object *sled = get(r, "SensitivityLabelEventData");
	struct json_object *ids = get(r, "SensitivityLabelIds");
	long long type;

	ev->label = str(r, "SensitivityLabelId");
	if (ev->label == NULL)
		ev->label = str(r, "DestinationLabel");
	if (ev->label == NULL)
		ev->label = str(r, "LabelId");
	if (sled) {
		if (irm_json_str(sled, "SensitivityLabelId"))
			ev->label = irm_json_str(sled, "SensitivityLabelId");
		ev->label_old = irm_json_str(sled, "OldSensitivityLabelId");
		if (irm_json_int(sled, "LabelEventType", &type) == 0 &&
		    type >= 1 && type <= 4)
			ev->label_change = change_names[type];
	}
	if (ev->label_old == NULL)
		ev->label_old = str(r, "SourceLabel");
	irm_json_strv_add(&ev->labels, ids);
	if (ev->label == NULL && ev->labels.n)
		ev->label = ev->labels.v[0];
	if (ev->action && strstr(ev->action, "LabelRemoved"))
		ev->label_change = "removed";
}

/* A Windows (C:\x, \\server\x) or Unix path, not "user\rule". */
static int
is_path(const char *s)
{
	if (((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')) &&
	    s[1] == ':' && (s[2] == '\\' || s[2] == '/'))
		return 1;
	return (s[0] == '\\' && s[1] == '\\') || s[0] == '/';
}

/*
 * Records that name a file only by its URL (label changes from Office
 * apps): the last path segment is the file when it has an extension, so
 * sequences can match on the name.
 */
static void
name_from_url(struct irm_event *ev, const char *url)
{
	size_t n = strcspn(url, "?#");
	const char *end = url + n, *seg = end;

	while (seg > url && seg[-1] != '/')
		seg--;
	if (seg == end || memchr(seg, '.', (size_t)(end - seg)) == NULL ||
	    seg - url < 9)
		return;
	irm_event_set_name(ev, irm_event_strndup(ev, seg, (size_t)(end - seg)));
}

/* An IPv4 or IPv6 address (SharePoint puts them in DeviceDisplayName). */
static int
is_ip(const char *s)
{
	unsigned char buf[16];

	if (s == NULL)
		return 0;
	return inet_pton(AF_INET, s, buf) == 1 ||
	    inet_pton(AF_INET6, s, buf) == 1;
}

/*
 * SourceRelativeUrl is the folder, but sharing records put the file at its
 * end ("Documents/a.png"): drop "/name" there.
 */
static const char *
dir_of(struct irm_event *ev, const char *rel, const char *name)
{
	size_t n, k = strlen(name);

	if (rel == NULL)
		return NULL;
	n = strlen(rel);
	if (n > k && strcmp(rel + n - k, name) == 0 && rel[n - k - 1] == '/')
		return irm_event_strndup(ev, rel, n - k - 1);
	if (strcmp(rel, name) == 0)
		return NULL;
	return rel;
}

/* SharePoint / OneDrive file fields, and endpoint paths. */
static void
files(const struct rec *r, struct irm_event *ev)
{
	const char *obj = str(r, "ObjectId"), *name = str(r, "SourceFileName");
	const char *dest = str(r, "DestinationFileName");
	long long n;

	if (obj &&
	    (strncmp(obj, "https://", 8) == 0 ||
	        strncmp(obj, "http://", 7) == 0))
		irm_event_set_url(ev, obj);
	else if (obj && is_path(obj))
		irm_event_set_path(ev, obj);
	if (name) {
		irm_event_set_name(ev, name);
		ev->file_directory =
		    dir_of(ev, str(r, "SourceRelativeUrl"), name);
	}
	if (dest &&
	    (strcmp(ev->activity, "file_renamed") == 0 ||
	        strcmp(ev->activity, "folder_renamed") == 0)) {
		ev->file_previous_name = ev->file_name;
		irm_event_set_name(ev, dest);
	}
	if (ev->file_name == NULL && ev->url_full)
		name_from_url(ev, ev->url_full);
	if (str(r, "PreviousFileName"))
		ev->file_previous_name = str(r, "PreviousFileName");
	if (ev->url_full == NULL && str(r, "TargetUrl"))
		irm_event_set_url(ev, str(r, "TargetUrl"));
	ev->destination_domain = str(r, "TargetDomain");
	/* A web visit without TargetUrl still has its domain. */
	if (ev->url_domain == NULL && strcmp(ev->activity, "web_visited") == 0)
		ev->url_domain = ev->destination_domain;
	if ((irm_json_int(r->o, "FileSizeBytes", &n) == 0 ||
	        irm_json_int(r->o, "FileSize", &n) == 0) &&
	    n >= 0)
		ev->file_size = n;
	ev->file_sha256 = str(r, "Sha256");
	ev->host_name = str(r, "DeviceName");
	if (ev->host_name == NULL && !is_ip(str(r, "DeviceDisplayName")))
		ev->host_name = str(r, "DeviceDisplayName");
}

/*
 * Teams MemberAdded lists Members[{UPN, Role}]; role 3 is a guest.  Every
 * member goes to irm.members; the target is the first guest, else the
 * first member.  Returns 1 when the record had members.
 */
static int
teams_member(const struct rec *r, struct irm_event *ev)
{
	struct json_object *m = get(r, "Members"), *el;
	const char *upn;
	long long role;
	size_t i, n = irm_json_len(m);
	int ext;

	for (i = 0; i < n; i++) {
		el = irm_json_at(m, i);
		upn = irm_json_str(el, "UPN");
		role = 0;
		irm_json_int(el, "Role", &role);
		ext = role == 3 ||
		    (upn && (strstr(upn, "#EXT#") || strstr(upn, "#ext#")));
		irm_strv_add(&ev->members, upn);
		if (ev->share_scope == NULL ||
		    (ext && strcmp(ev->share_scope, "internal") == 0)) {
			ev->share_target = upn;
			ev->share_scope = ext ? "external" : "internal";
		}
	}
	return n > 0;
}

/*
 * The permission of a sharing record: EventData holds an XML fragment,
 * "<Permissions granted>Read</Permissions granted>" or, for links,
 * "<Type>Edit</Type>"; some records name it in PermissionsGranted.
 */
static const char *
permission(const struct rec *r, struct irm_event *ev)
{
	static const char *const tags[] = {
	    "<Permissions granted>", "<Type>", NULL};
	const char *data = str(r, "EventData"), *p, *end;
	const char *const *t;

	if (str(r, "PermissionsGranted"))
		return str(r, "PermissionsGranted");
	if (data == NULL)
		return NULL;
	for (t = tags; *t; t++) {
		if ((p = strstr(data, *t)) == NULL)
			continue;
		p += strlen(*t);
		if ((end = strchr(p, '<')) == NULL || end == p)
			continue;
		return irm_event_strndup(ev, p, (size_t)(end - p));
	}
	return NULL;
}

/*
 * A SharingSet to a sharing link's own group (SharingLinks.ITEM.KIND.ID,
 * or the claim group SLinkClaim) follows the link's creation, and one to
 * the Limited Access System Group is SharePoint's bookkeeping: neither is
 * a share with a member.
 */
static int
link_group(const char *target, const char *type)
{
	return (target &&
	           (strncmp(target, "SharingLinks.", 13) == 0 ||
	               strcmp(target, "Limited Access System Group") == 0)) ||
	    (type && irm_strcaseeq(type, "SLinkClaim"));
}

static int
in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (irm_strcaseeq(*list, s))
			return 1;
	return 0;
}

/* The activities whose records name a share's target and scope. */
static const char *const share_acts[] = {"shared", "member_added",
    "anonymous_link_used", "link_used", "share_revoked", "share_blocked",
    "invitation_accepted", "access_requested", "access_approved",
    "access_denied", NULL};

static void
sharing(const struct rec *r, struct irm_event *ev)
{
	const char *type = str(r, "TargetUserOrGroupType");
	const char *target = str(r, "TargetUserOrGroupName");

	if (!in_list(share_acts, ev->activity))
		return;
	ev->share_permission = permission(r, ev);
	if (target == NULL && teams_member(r, ev))
		return;
	ev->share_target = target;
	if (strcmp(ev->action, "SharingSet") == 0 && link_group(target, type))
		irm_event_set_activity(ev, "permission_changed");
	/* Sharing links show up as targets "SharingLinks.ID.AnonymousEdit.ID".
	 */
	if (strncmp(ev->action, "AnonymousLink", 13) == 0 ||
	    (target && strstr(target, ".Anonymous")))
		ev->share_scope = "anonymous";
	else if (strncmp(ev->action, "CompanyLink", 11) == 0 ||
	    (target && strstr(target, ".Organization")))
		ev->share_scope = "organization";
	else if ((type &&
	             (irm_strcaseeq(type, "Guest") ||
	                 irm_strcaseeq(type, "Partner"))) ||
	    (target && (strstr(target, "#ext#") || strstr(target, "#EXT#"))))
		ev->share_scope = "external";
	else if (type && !link_group(target, type))
		ev->share_scope = "internal";
}

/* "a.pdf (12b); b.docx (3b)" holds two attachments. */
static long long
count_attachments(const char *s)
{
	long long n = 1;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s; s++)
		if (*s == ';' && s[1] != '\0')
			n++;
	return n;
}

static void
exchange(const struct rec *r, struct irm_event *ev)
{
	struct json_object *item = get(r, "Item");

	if (item) {
		ev->email_subject = irm_json_str(item, "Subject");
		ev->email_message_id = irm_json_str(item, "InternetMessageId");
	}
	if (strcmp(ev->activity, "email_sent") == 0) {
		ev->attachments =
		    count_attachments(irm_json_str(item, "Attachments"));
		ev->email_from = str(r, "SendAsUserSmtp");
		if (ev->email_from == NULL)
			ev->email_from = str(r, "MailboxOwnerUPN");
	}
	/* MipLabel (Exchange transport): the labelled message. */
	if (strcmp(ev->action, "MipLabel") == 0) {
		ev->email_from = str(r, "Sender");
		irm_json_strv_add(&ev->email_to, get(r, "Receivers"));
		if (ev->email_subject == NULL)
			ev->email_subject = str(r, "ItemName");
	}
	if (ev->source_ip == NULL)
		set_ip(ev, str(r, "ClientIPAddress"));
	if (ev->host_name == NULL)
		ev->host_name = str(r, "ClientMachineName");
}

/* Inbox rule parameters that are actions, with their names in events. */
static const struct act rule_acts[] = {
    {"ApplyCategory", "apply_category"},
    {"CopyToFolder", "copy_to_folder"},
    {"DeleteMessage", "delete"},
    {"ForwardAsAttachmentTo", "forward_as_attachment"},
    {"ForwardTo", "forward"},
    {"ForwardingAddress", "forward"},
    {"ForwardingSmtpAddress", "forward"},
    {"MarkAsRead", "mark_as_read"},
    {"MarkImportance", "mark_importance"},
    {"MoveToFolder", "move_to_folder"},
    {"PinMessage", "pin"},
    {"RedirectTo", "redirect"},
    {"SendTextMessageNotificationTo", "send_text_message"},
    {"SoftDeleteMessage", "delete"},
    {"StopProcessingRules", "stop_processing_rules"},
    {NULL, NULL},
};

/* Parameters that say which rule or mailbox, not when the rule fires. */
static const char *const rule_other[] = {"AlwaysDeleteOutlookRulesBlob",
    "Confirm", "DomainController", "Enabled", "ErrorAction", "Force",
    "Identity", "Mailbox", "Name", "Priority", "WarningAction", NULL};

static const char *
rule_action(const struct act *tab, const char *name)
{
	const struct act *a;

	for (a = tab; a->op; a++)
		if (irm_strcaseeq(name, a->op))
			return a->activity;
	return NULL;
}

static int
forwards(const char *act)
{
	return strncmp(act, "forward", 7) == 0 || strcmp(act, "redirect") == 0;
}

/* A forwarding target: "smtp:" dropped, the first one's domain kept. */
static void
forward_to(struct irm_event *ev, const char *v)
{
	if (strncmp(v, "smtp:", 5) == 0 || strncmp(v, "SMTP:", 5) == 0)
		v += 5;
	irm_strv_add(&ev->email_to, v);
	if (ev->destination_domain == NULL)
		ev->destination_domain = irm_event_email_domain(ev, v);
}

/*
 * New-InboxRule / Set-InboxRule / Set-Mailbox: Parameters [{Name,Value}].
 * Actions by name, forwarding targets to email.to, the rest (but for
 * which rule or mailbox) as conditions "Name=value".  Returns 1 when a
 * parameter forwards.
 */
static int
rule_params(struct irm_event *ev, struct json_object *params, int mailbox)
{
	size_t i, n;
	struct json_object *el;
	const char *k, *v, *act;
	int fwd = 0;

	n = json_object_is_type(params, json_type_array)
	    ? json_object_array_length(params)
	    : 0;
	for (i = 0; i < n; i++) {
		el = json_object_array_get_idx(params, i);
		k = irm_json_text(irm_json_get_ci(el, "Name"));
		v = irm_json_text(irm_json_get_ci(el, "Value"));
		if (k == NULL || v == NULL || *v == '\0')
			continue;
		if (!mailbox &&
		    (irm_strcaseeq(k, "Name") ||
		        (irm_strcaseeq(k, "Identity") &&
		            ev->rule_name == NULL)))
			ev->rule_name = v;
		if ((act = rule_action(rule_acts, k)) != NULL) {
			if (irm_strcaseeq(v, "False"))
				continue;
			if (forwards(act)) {
				fwd = 1;
				forward_to(ev, v);
			}
			if (strcmp(act, "move_to_folder") == 0)
				ev->rule_folder = v;
			irm_strv_add(&ev->rule_actions, act);
		} else if (!mailbox && !in_list(rule_other, k))
			irm_strv_add(&ev->rule_conditions,
			    irm_event_printf(ev, "%s=%s", k, v));
	}
	return fwd;
}

/* ActionType values of Outlook's rules (UpdateInboxRules). */
static const struct act outlook_acts[] = {
    {"CopyToFolder", "copy_to_folder"},
    {"Delete", "delete"},
    {"DeleteMessage", "delete"},
    {"Forward", "forward"},
    {"ForwardAsAttachment", "forward_as_attachment"},
    {"MarkAsRead", "mark_as_read"},
    {"MoveToFolder", "move_to_folder"},
    {"PermanentDelete", "delete"},
    {"Redirect", "redirect"},
    {"StopProcessingRules", "stop_processing_rules"},
    {NULL, NULL},
};

/*
 * Walk RuleActions (JSON in a string): each object with an ActionType is
 * an action; the addresses inside a forwarding one are its targets.
 * Strings are copied: the parsed text is freed after the walk.
 */
static void
outlook_walk(struct irm_event *ev, struct json_object *o, int fwd, int depth)
{
	const char *t, *sv, *act;
	size_t i, n;

	if (depth > 16)
		return;
	if (json_object_is_type(o, json_type_string)) {
		sv = json_object_get_string(o);
		if (fwd && strchr(sv, '@') && !strchr(sv, ' '))
			forward_to(ev, irm_event_strdup(ev, sv));
		return;
	}
	if (json_object_is_type(o, json_type_array)) {
		n = json_object_array_length(o);
		for (i = 0; i < n; i++)
			outlook_walk(ev, json_object_array_get_idx(o, i), fwd,
			    depth + 1);
		return;
	}
	if (!json_object_is_type(o, json_type_object))
		return;
	if ((t = irm_json_str(o, "ActionType")) != NULL &&
	    (act = rule_action(outlook_acts, t)) != NULL) {
		irm_strv_add(&ev->rule_actions, act);
		fwd = forwards(act);
	}
	json_object_object_foreach(o, key, val)
	{
		(void)key;
		outlook_walk(ev, val, fwd, depth + 1);
	}
}

/*
 * UpdateInboxRules (a rule made in Outlook): OperationProperties
 * [{Name,Value}] with RuleName, RuleCondition and RuleActions.
 */
static void
outlook_rule(const struct rec *r, struct irm_event *ev)
{
	struct json_object *props = get(r, "OperationProperties"), *parsed;
	const char *v, *cond;

	if (irm_o365_pair(props, "RuleName"))
		ev->rule_name = irm_o365_pair(props, "RuleName");
	if ((cond = irm_o365_pair(props, "RuleCondition")) != NULL && *cond)
		irm_strv_add(&ev->rule_conditions, cond);
	if ((v = irm_o365_pair(props, "RuleActions")) == NULL || *v == '\0')
		return;
	if ((parsed = json_tokener_parse(v)) != NULL) {
		outlook_walk(ev, parsed, 0, 0);
		json_object_put(parsed);
	}
}

/* Inbox rules and mailbox forwarding: where mail goes, and what else. */
static void
mail_rule(const struct rec *r, struct irm_event *ev)
{
	int mailbox = strcmp(ev->action, "Set-Mailbox") == 0;
	int fwd = rule_params(ev, get(r, "Parameters"), mailbox);

	if (strcmp(ev->action, "UpdateInboxRules") == 0)
		outlook_rule(r, ev);
	/* Set-Mailbox is a rule only when it forwards. */
	if (!fwd && mailbox)
		irm_event_set_activity(ev, "other");
}

static void
dlp(const struct rec *r, struct irm_event *ev)
{
	struct json_object *pol = get(r, "PolicyDetails"), *rules, *rule;
	struct json_object *xm = get(r, "ExchangeMetaData");
	struct json_object *sp = get(r, "SharePointMetaData");
	size_t i, j, np, nr;
	int sev;

	np = json_object_is_type(pol, json_type_array)
	    ? json_object_array_length(pol)
	    : 0;
	for (i = 0; i < np; i++) {
		rules =
		    irm_json_get(json_object_array_get_idx(pol, i), "Rules");
		nr = json_object_is_type(rules, json_type_array)
		    ? json_object_array_length(rules)
		    : 0;
		for (j = 0; j < nr; j++) {
			rule = json_object_array_get_idx(rules, j);
			sev = ev->severity;
			set_severity(ev, irm_json_str(rule, "Severity"));
			/* Name the most severe rule that matched. */
			if (ev->rule_name == NULL || ev->severity > sev)
				ev->rule_name = irm_json_str(rule, "RuleName");
		}
	}
	if (xm) {
		ev->email_from = irm_json_str(xm, "From");
		irm_json_strv_add(&ev->email_to, irm_json_get(xm, "To"));
		irm_json_strv_add(&ev->email_cc, irm_json_get(xm, "CC"));
		irm_json_strv_add(&ev->email_bcc, irm_json_get(xm, "BCC"));
		ev->email_subject = irm_json_str(xm, "Subject");
	}
	irm_o365_dlp_rules(r->o, ev);
	if (sp) {
		irm_event_set_name(ev, irm_json_str(sp, "FileName"));
		if (irm_json_str(sp, "FilePathUrl"))
			irm_event_set_url(ev, irm_json_str(sp, "FilePathUrl"));
	}
}

/* The user of an alert is its entity, not "SecurityComplianceAlerts". */
static void
alert(const struct rec *r, struct irm_event *ev)
{
	const char *etype = str(r, "EntityType"), *data = str(r, "Data");
	struct json_object *d = NULL;
	const char *u = NULL;

	set_severity(ev, str(r, "Severity"));
	ev->alert_category = str(r, "Category");
	ev->rule_name = str(r, "Name");
	if (etype && irm_strcaseeq(etype, "User"))
		u = str(r, "AlertEntityId");
	if (u == NULL && data && (d = json_tokener_parse(data)) != NULL) {
		u = irm_json_str(d, "f3u");
		if (u == NULL)
			u = irm_json_str(d, "suid");
		if (u == NULL) /* irm-report -f o365 before f3u */
			u = irm_json_str(d, "upn");
		if (u)
			u = irm_event_strdup(ev, u);
		json_object_put(d);
	}
	if (u)
		ev->user = u;
}

/*
 * Directory changes: the account acted on.  Target [{ID,Type}] names it
 * several ways; a UPN (Type 5, or an ID with "@" that is no "User_guid")
 * first, else a name (Type 1: an application's, for consents), else an
 * ObjectId with "@".
 */
static void
directory(const struct rec *r, struct irm_event *ev)
{
	struct json_object *t = get(r, "Target"), *el;
	size_t i, n;
	const char *id, *name = NULL;
	long long type;

	n = json_object_is_type(t, json_type_array)
	    ? json_object_array_length(t)
	    : 0;
	for (i = 0; i < n; i++) {
		el = json_object_array_get_idx(t, i);
		id = irm_json_str(el, "ID");
		if (id == NULL || *id == '\0')
			continue;
		if (irm_json_int(el, "Type", &type) == -1)
			type = -1;
		if (type == 5 || (strchr(id, '@') && !strchr(id, '_'))) {
			ev->target_user = id;
			return;
		}
		if (type == 1 && name == NULL)
			name = id;
	}
	id = str(r, "ObjectId");
	if (id && strchr(id, '@'))
		ev->target_user = id;
	else if (name)
		ev->target_user = name;
}

/*
 * Add-MailboxPermission: the mailbox (Identity) is the account acted on,
 * the grantee (User) gets AccessRights on it.
 */
static void
mailbox_permission(const struct rec *r, struct irm_event *ev)
{
	struct json_object *params = get(r, "Parameters");

	ev->target_user = irm_o365_pair(params, "Identity");
	if (ev->target_user == NULL)
		ev->target_user = str(r, "ObjectId");
	ev->share_target = irm_o365_pair(params, "User");
	ev->share_permission = irm_o365_pair(params, "AccessRights");
}

/*
 * Who, from where, through what: session and correlation ids, the
 * application, the device's browser and OS.  Each from the first of the
 * places the workloads put it.
 */
static void
context(const struct rec *r, struct irm_event *ev)
{
	struct json_object *aac = get(r, "AppAccessContext");
	struct json_object *dev = get(r, "DeviceProperties");

	ev->session_id = str(r, "SessionId");
	if (ev->session_id == NULL)
		ev->session_id = irm_json_str(aac, "AADSessionId");
	if (ev->session_id == NULL)
		ev->session_id = irm_o365_pair(dev, "SessionId");
	ev->correlation_id = str(r, "CorrelationId");
	if (ev->correlation_id == NULL)
		ev->correlation_id = irm_json_str(aac, "CorrelationId");
	if (ev->correlation_id == NULL)
		ev->correlation_id = str(r, "InterSystemsId");
	ev->app_id = str(r, "ApplicationId");
	if (ev->app_id == NULL)
		ev->app_id = irm_json_str(aac, "ClientAppId");
	if (ev->app_id == NULL)
		ev->app_id = str(r, "ClientAppId");
	ev->app_name = str(r, "ApplicationDisplayName");
	if (ev->app_name == NULL)
		ev->app_name = irm_json_str(aac, "ClientAppName");
	ev->ua_os_name = irm_o365_pair(dev, "OS");
	ev->ua_name = irm_o365_pair(dev, "BrowserType");
	if (ev->ua_name == NULL)
		ev->ua_name = str(r, "BrowserName");
}

/* ------------------------------------------------------ the rest kept */

/* Keys whose values the event always carries; the rest is kept. */
static const char *const mapped_keys[] = {
    "CreationTime", "Id", "Operation", "UserId", "Workload", NULL};

/*
 * Does the event carry this very string (the pointer into the record, so
 * the value unchanged) in one of its fields?  Then it is not repeated.
 */
static int
carried(const struct irm_event *ev, const char *s)
{
	const char *const f[] = {ev->file_name, ev->file_directory,
	    ev->file_path, ev->file_previous_name, ev->file_sha256,
	    ev->url_full, ev->user_agent, ev->source_ip, ev->host_name,
	    ev->label, ev->label_old, ev->share_target, ev->share_permission,
	    ev->target_user, ev->rule_name, ev->email_from, ev->email_subject,
	    ev->session_id, ev->correlation_id, ev->app_id, ev->app_name,
	    ev->ua_name, ev->destination_domain, ev->error_code,
	    ev->error_message, ev->alert_category, ev->email_message_id};
	size_t i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (f[i] == s)
			return 1;
	return 0;
}

static int keep_value(struct irm_buf *b, struct json_object *v);

/* An object; at the top (ev set) without what the event carries. */
static int
keep_object(
    struct irm_buf *b, struct json_object *o, const struct irm_event *ev)
{
	int first = 1;

	if (irm_buf_addc(b, '{') == -1)
		return -1;
	json_object_object_foreach(o, k, v)
	{
		if (ev &&
		    (in_list(mapped_keys, k) ||
		        (ev->changes && strcmp(k, "ModifiedProperties") == 0) ||
		        (json_object_is_type(v, json_type_string) &&
		            carried(ev, json_object_get_string(v)))))
			continue;
		if ((!first && irm_buf_addc(b, ',') == -1) ||
		    irm_json_quote(b, k) == -1 || irm_buf_addc(b, ':') == -1 ||
		    keep_value(b, v) == -1)
			return -1;
		first = 0;
	}
	return irm_buf_addc(b, '}');
}

/* A value as JSON: strings through irm_json_quote, like every field. */
static int
keep_value(struct irm_buf *b, struct json_object *v)
{
	size_t i, n;

	switch (json_object_get_type(v)) {
	case json_type_null:
		return irm_buf_adds(b, "null");
	case json_type_string:
		return irm_json_quote(b, json_object_get_string(v));
	case json_type_object:
		return keep_object(b, v, NULL);
	case json_type_array:
		if (irm_buf_addc(b, '[') == -1)
			return -1;
		n = json_object_array_length(v);
		for (i = 0; i < n; i++)
			if ((i && irm_buf_addc(b, ',') == -1) ||
			    keep_value(b, json_object_array_get_idx(v, i)) ==
			        -1)
				return -1;
		return irm_buf_addc(b, ']');
	case json_type_int:
		if (json_object_get_int64(v) != INT64_MAX)
			return irm_buf_printf(
			    b, "%lld", (long long)json_object_get_int64(v));
		/* FALLTHROUGH */
	default:
		return irm_buf_adds(b,
		    json_object_to_json_string_ext(v,
		        JSON_C_TO_STRING_PLAIN |
		            JSON_C_TO_STRING_NOSLASHESCAPE));
	}
}

/*
 * The record's keys but those the event carries unchanged, as one JSON
 * object text in the event's arena (o365.audit); nothing when none is left.
 */
static void
keep_rest(const struct rec *r, struct irm_event *ev)
{
	struct irm_buf b;

	irm_buf_init(&b, (size_t)1 << 30);
	if (keep_object(&b, r->o, ev) == 0 && b.len > 2)
		ev->o365_audit = irm_event_strndup(ev, b.data, b.len);
	irm_buf_free(&b);
}

/* -------------------------------------------------------------- mapper */

/*
 * Fields every record has.  A caller (the Purview CSV mapper) may have
 * preset time, operation, user and id from its columns; the record's own
 * values win.
 */
static int
base(const struct rec *r, struct irm_event *ev, struct irm_error *e)
{
	const char *ct = str(r, "CreationTime");
	struct irm_error te;
	int flags = IRM_TIME_UTC;

	if (ct && irm_time_parse(ct, strlen(ct), &flags, &ev->ts, &te) == -1)
		return irm_seterr(e, "CreationTime: %s", te.msg);
	if (ev->ts == INT64_MIN)
		return irm_seterr(e, "missing timestamp (CreationTime)");
	if (str(r, "Id"))
		ev->id = str(r, "Id");
	if (str(r, "Operation"))
		ev->action = str(r, "Operation");
	if (ev->action == NULL)
		return irm_seterr(e, "missing Operation");
	if (str(r, "UserId"))
		ev->user = str(r, "UserId");
	ev->provider = str(r, "Workload");
	ev->module = "o365";
	ev->dataset = "o365.audit";
	set_outcome(ev, str(r, "ResultStatus"));
	set_ip(ev, str(r, "ClientIP"));
	if (ev->source_ip == NULL)
		set_ip(ev, str(r, "ActorIpAddress"));
	ev->user_agent = str(r, "UserAgent");
	return 0;
}

int
irm_map_o365(struct json_object *o, struct irm_event *ev, struct irm_error *e)
{
	struct rec r = {o, 0};
	const char *a;

	if (irm_json_get(o, "Operation") == NULL &&
	    irm_json_get_ci(o, "Operation") != NULL)
		r.ci = 1;
	if (base(&r, ev, e) == -1)
		return IRM_MAP_REJECT;
	irm_event_set_activity(ev, irm_o365_activity(ev->action));
	a = ev->activity;
	files(&r, ev);
	labels(&r, ev);
	sharing(&r, ev);
	exchange(&r, ev);
	if (strcmp(a, "email_rule") == 0)
		mail_rule(&r, ev);
	else if (strncmp(a, "dlp_", 4) == 0)
		dlp(&r, ev);
	else if (strcmp(a, "email_accessed") == 0 ||
	    strcmp(a, "email_deleted") == 0 || strcmp(a, "email_purged") == 0)
		irm_o365_mailbox(o, ev);
	else if (strcmp(a, "security_alert") == 0 ||
	    strcmp(ev->action, "AlertUpdated") == 0)
		alert(&r, ev);
	else if (strcmp(a, "mailbox_permission_added") == 0)
		mailbox_permission(&r, ev);
	else if (strncmp(a, "account_", 8) == 0 ||
	    strcmp(a, "password_reset") == 0 ||
	    strcmp(a, "role_assigned") == 0 ||
	    strcmp(a, "app_consented") == 0 ||
	    strcmp(ev->action, "Add member to group.") == 0)
		directory(&r, ev);
	else if (strncmp(a, "logon", 5) == 0)
		logon_outcome(&r, ev);
	if (strcmp(a, "share_blocked") == 0)
		ev->outcome = "failure";
	if (get(&r, "ModifiedProperties"))
		irm_o365_changes(o, ev);
	context(&r, ev);
	keep_rest(&r, ev);
	if (ev->user == NULL || irm_strcaseeq(ev->user, "DlpAgent")) {
		if (sub_str(o, "ExchangeMetaData", "From"))
			ev->user = sub_str(o, "ExchangeMetaData", "From");
		else if (sub_str(o, "SharePointMetaData", "From"))
			ev->user = sub_str(o, "SharePointMetaData", "From");
	}
	return IRM_MAP_EVENT;
}
