/*
 * norm_o365.c - Office 365 Management Activity API records (and the
 * AuditData of Purview exports) to events.  The operation decides
 * irm.activity through one table; the fields present decide the rest.
 * Field names follow the audit schema (ref: o365-api.md sections 2 and 9);
 * absent fields are simply not written.
 */
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "norm_int.h"

/* ECS category and type per activity. */
struct act {
	const char *op;
	const char *activity;
};

/*
 * Operation to activity.  Kept sorted by operation (strcmp order); a unit
 * test checks the order, since lookups use bsearch.
 */
static const struct act acts[] = {
    {"Add member to group.", "member_added"},
    {"AddedToGroup", "member_added"},
    {"AddedToSecureLink", "shared"},
    {"AlertEntityGenerated", "security_alert"},
    {"AlertTriggered", "security_alert"},
    {"AnonymousLinkCreated", "shared"},
    {"AnonymousLinkUpdated", "shared"},
    {"ArchiveCreated", "file_archived"},
    {"BrowseToUrl", "web_visited"},
    {"CompanyLinkCreated", "shared"},
    {"CopilotInteraction", "ai_interaction"},
    {"Delete user.", "account_deleted"},
    {"DlpRuleMatch", "dlp_matched"},
    {"FileAccessed", "file_accessed"},
    {"FileAccessedByUnallowedApp", "file_accessed"},
    {"FileAccessedExtended", "file_accessed"},
    {"FileArchived", "file_archived"},
    {"FileCopied", "file_copied"},
    {"FileCopiedToClipboard", "clipboard_copied"},
    {"FileCopiedToNetworkShare", "network_share_copied"},
    {"FileCopiedToRemoteDesktopSession", "rdp_copied"},
    {"FileCopiedToRemovableMedia", "usb_copied"},
    {"FileCreated", "file_created"},
    {"FileCreatedOnNetworkShare", "network_share_copied"},
    {"FileCreatedOnRemovableMedia", "usb_copied"},
    {"FileDeleted", "file_deleted"},
    {"FileDeletedFirstStageRecycleBin", "file_purged"},
    {"FileDeletedSecondStageRecycleBin", "file_purged"},
    {"FileDownloaded", "file_downloaded"},
    {"FileDownloadedFromBrowser", "browser_downloaded"},
    {"FileHidden", "file_hidden"},
    {"FileModified", "file_modified"},
    {"FileModifiedExtended", "file_modified"},
    {"FileMoved", "file_moved"},
    {"FilePrinted", "printed"},
    {"FileRead", "file_read"},
    {"FileRecycled", "file_deleted"},
    {"FileRenamed", "file_renamed"},
    {"FileSensitivityLabelApplied", "label_changed"},
    {"FileSensitivityLabelChanged", "label_changed"},
    {"FileSensitivityLabelRemoved", "label_changed"},
    {"FileSyncDownloadedFull", "file_synced"},
    {"FileSyncDownloadedPartial", "file_synced"},
    {"FileSyncUploadedFull", "file_uploaded"},
    {"FileTransferredByBluetooth", "bluetooth_sent"},
    {"FileUploaded", "file_uploaded"},
    {"FileUploadedToCloud", "cloud_uploaded"},
    {"FolderDeleted", "file_deleted"},
    {"FolderDeletedFirstStageRecycleBin", "file_purged"},
    {"FolderDeletedSecondStageRecycleBin", "file_purged"},
    {"FolderRecycled", "file_deleted"},
    {"MemberAdded", "member_added"},
    {"MipLabel", "label_changed"},
    {"New-InboxRule", "email_rule"},
    {"PasswordLogonInitialAuthUsingPassword", "logon"},
    {"RemovableMediaMount", "usb_mounted"},
    {"SecureLinkCreated", "shared"},
    {"Send", "email_sent"},
    {"SendAs", "email_sent"},
    {"SendOnBehalf", "email_sent"},
    {"SensitivityLabelApplied", "label_changed"},
    {"SensitivityLabelRemoved", "label_changed"},
    {"SensitivityLabelUpdated", "label_changed"},
    {"Set-InboxRule", "email_rule"},
    {"Set-Mailbox", "email_rule"},
    {"SharingInvitationCreated", "shared"},
    {"SharingSet", "shared"},
    {"UpdateInboxRules", "email_rule"},
    {"UserLoggedIn", "logon"},
    {"UserLoggedOff", "logoff"},
    {"UserLoginFailed", "logon_failed"},
};

/* Is the table sorted?  For the unit test. */
int
irm_o365_table_sorted(void)
{
	size_t i;

	for (i = 1; i < sizeof(acts) / sizeof(acts[0]); i++)
		if (strcmp(acts[i - 1].op, acts[i].op) >= 0)
			return 0;
	return 1;
}

static int
cmp_act(const void *key, const void *elem)
{
	return strcmp(key, ((const struct act *)elem)->op);
}

static const char *
activity_of(const char *op)
{
	const struct act *a = bsearch(
	    op, acts, sizeof(acts) / sizeof(acts[0]), sizeof(acts[0]), cmp_act);

	return a ? a->activity : "other";
}

/* ECS event.category and event.type for an activity. */
struct ecs {
	const char *prefix;
	const char *category;
	const char *type;
};

static const struct ecs ecs_map[] = {
    {"file_deleted", "file", "deletion"},
    {"file_purged", "file", "deletion"},
    {"file_created", "file", "creation"},
    {"file_modified", "file", "change"},
    {"file_renamed", "file", "change"},
    {"file_moved", "file", "change"},
    {"file_hidden", "file", "change"},
    {"label_changed", "file", "change"},
    {"file_copied", "file", "creation"},
    {"file_", "file", "access"},
    {"usb_mounted", "host", "connection"},
    {"usb_", "file", "creation"},
    {"cloud_uploaded", "file", "access"},
    {"browser_downloaded", "file", "creation"},
    {"printed", "file", "access"},
    {"network_share_copied", "file", "creation"},
    {"clipboard_copied", "file", "access"},
    {"rdp_copied", "file", "access"},
    {"bluetooth_sent", "file", "access"},
    {"shared", "file", "change"},
    {"member_added", "iam", "group"},
    {"email_", "email", "info"},
    {"logon", "authentication", "start"},
    {"logon_failed", "authentication", "start"},
    {"logoff", "authentication", "end"},
    {"account_deleted", "iam", "deletion"},
    {"security_alert", "threat", "indicator"},
    {"dlp_matched", "threat", "indicator"},
    {"badge_access", "physical_access", "access"},
    {"hr_", "iam", "info"},
    {"web_visited", "web", "access"},
    {"ai_interaction", "web", "access"},
    {"custom", "threat", "indicator"},
    {NULL, NULL, NULL},
};

void
irm_event_set_activity(struct irm_event *ev, const char *activity)
{
	const struct ecs *m;

	ev->activity = activity;
	ev->category[0] = ev->type[0] = NULL;
	for (m = ecs_map; m->prefix; m++) {
		if (strncmp(activity, m->prefix, strlen(m->prefix)) == 0 &&
		    (m->prefix[strlen(m->prefix) - 1] == '_' ||
		        strcmp(activity, m->prefix) == 0)) {
			ev->category[0] = m->category;
			ev->type[0] = m->type;
			return;
		}
	}
}

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

/* Value of the {Name,Value} pair called name in an array of pairs. */
static const char *
pair(struct json_object *arr, const char *name)
{
	size_t i, n;
	struct json_object *el;
	const char *k;

	if (!json_object_is_type(arr, json_type_array))
		return NULL;
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++) {
		el = json_object_array_get_idx(arr, i);
		k = irm_json_text(irm_json_get_ci(el, "Name"));
		if (k && irm_strcaseeq(k, name))
			return irm_json_text(irm_json_get_ci(el, "Value"));
	}
	return NULL;
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

/* Logons: ErrorNumber / ErrorCode / LogonError decide, not ResultStatus. */
static void
logon_outcome(const struct rec *r, struct irm_event *ev)
{
	const char *num = str(r, "ErrorNumber"), *le = str(r, "LogonError");
	struct json_object *ext = get(r, "ExtendedProperties");
	const char *login_err = pair(ext, "LoginError");

	if (num == NULL)
		num = str(r, "ErrorCode");
	if ((num && strcmp(num, "0") != 0) || (le && *le) ||
	    (login_err && *login_err))
		irm_event_set_activity(ev, "logon_failed");
	if (strcmp(ev->activity, "logon_failed") == 0)
		ev->outcome = "failure";
	else
		ev->outcome = "success";
	if (ev->user_agent == NULL)
		ev->user_agent = pair(ext, "UserAgent");
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
		ev->file_directory = str(r, "SourceRelativeUrl");
	}
	if (dest && strcmp(ev->activity, "file_renamed") == 0) {
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
	if (ev->host_name == NULL)
		ev->host_name = str(r, "DeviceDisplayName");
}

/*
 * Teams MemberAdded lists Members[{UPN, Role}]; role 3 is a guest.  The
 * first member is the target.  Returns 1 when the record had members.
 */
static int
teams_member(const struct rec *r, struct irm_event *ev)
{
	struct json_object *m = get(r, "Members"), *first;
	long long role = 0;

	if (!json_object_is_type(m, json_type_array) ||
	    json_object_array_length(m) == 0)
		return 0;
	first = json_object_array_get_idx(m, 0);
	ev->share_target = irm_json_str(first, "UPN");
	irm_json_int(first, "Role", &role);
	if (role == 3 ||
	    (ev->share_target &&
	        (strstr(ev->share_target, "#EXT#") ||
	            strstr(ev->share_target, "#ext#"))))
		ev->share_scope = "external";
	else
		ev->share_scope = "internal";
	return 1;
}

static void
sharing(const struct rec *r, struct irm_event *ev)
{
	const char *type = str(r, "TargetUserOrGroupType");
	const char *target = str(r, "TargetUserOrGroupName");

	if (strcmp(ev->activity, "shared") != 0 &&
	    strcmp(ev->activity, "member_added") != 0)
		return;
	if (target == NULL && teams_member(r, ev))
		return;
	ev->share_target = target;
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
	else if (type)
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

	if (strcmp(ev->activity, "email_sent") == 0) {
		ev->email_subject = irm_json_str(item, "Subject");
		ev->attachments =
		    count_attachments(irm_json_str(item, "Attachments"));
		ev->email_from = str(r, "SendAsUserSmtp");
		if (ev->email_from == NULL)
			ev->email_from = str(r, "MailboxOwnerUPN");
	}
	if (ev->source_ip == NULL)
		set_ip(ev, str(r, "ClientIPAddress"));
	if (ev->host_name == NULL)
		ev->host_name = str(r, "ClientMachineName");
}

/* Inbox rules and mailbox forwarding: where mail goes. */
static void
mail_rule(const struct rec *r, struct irm_event *ev)
{
	static const char *const keys[] = {"ForwardTo", "RedirectTo",
	    "ForwardAsAttachmentTo", "ForwardingSmtpAddress",
	    "ForwardingAddress", NULL};
	struct json_object *params = get(r, "Parameters");
	const char *const *k;
	const char *v;
	int fwd = 0;

	for (k = keys; *k; k++) {
		if ((v = pair(params, *k)) == NULL)
			continue;
		fwd = 1;
		if (strncmp(v, "smtp:", 5) == 0 || strncmp(v, "SMTP:", 5) == 0)
			v += 5;
		irm_strv_add(&ev->email_to, v);
		if (ev->destination_domain == NULL)
			ev->destination_domain = irm_event_email_domain(ev, v);
	}
	/* Set-Mailbox is a rule only when it forwards. */
	if (!fwd && strcmp(ev->action, "Set-Mailbox") == 0)
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
		if (u)
			u = irm_event_strdup(ev, u);
		json_object_put(d);
	}
	if (u)
		ev->user = u;
}

/* Directory changes: the account acted on. */
static void
directory(const struct rec *r, struct irm_event *ev)
{
	struct json_object *t = get(r, "Target"), *el;
	size_t i, n;
	const char *id;

	n = json_object_is_type(t, json_type_array)
	    ? json_object_array_length(t)
	    : 0;
	for (i = 0; i < n; i++) {
		el = json_object_array_get_idx(t, i);
		id = irm_json_str(el, "ID");
		if (id && strchr(id, '@') && !strchr(id, '_')) {
			ev->target_user = id;
			return;
		}
	}
	id = str(r, "ObjectId");
	if (id && strchr(id, '@'))
		ev->target_user = id;
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
	irm_event_set_activity(ev, activity_of(ev->action));
	a = ev->activity;
	files(&r, ev);
	labels(&r, ev);
	sharing(&r, ev);
	exchange(&r, ev);
	if (strcmp(a, "email_rule") == 0)
		mail_rule(&r, ev);
	else if (strcmp(a, "dlp_matched") == 0)
		dlp(&r, ev);
	else if (strcmp(a, "security_alert") == 0)
		alert(&r, ev);
	else if (strcmp(a, "account_deleted") == 0 ||
	    strcmp(ev->action, "Add member to group.") == 0)
		directory(&r, ev);
	else if (strncmp(a, "logon", 5) == 0)
		logon_outcome(&r, ev);
	if (ev->user == NULL || irm_strcaseeq(ev->user, "DlpAgent")) {
		if (sub_str(o, "ExchangeMetaData", "From"))
			ev->user = sub_str(o, "ExchangeMetaData", "From");
		else if (sub_str(o, "SharePointMetaData", "From"))
			ev->user = sub_str(o, "SharePointMetaData", "From");
	}
	return IRM_MAP_EVENT;
}
