/*
 * norm_o365_ops.c - the O365 operation table (operation to irm.activity,
 * activity to ECS event.category and event.type) and the mappings of
 * operations whose facts need more than a field each: mailbox access and
 * deletes (folders, items, the mailbox owner), directory changes
 * (ModifiedProperties), DLP rules (every rule, and whether one blocked).
 * The rest of the O365 mapper is in norm_o365.c.
 */
#include <stdlib.h>
#include <string.h>

#include "irm.h"
#include "irm_json.h"
#include "norm_int.h"

struct act {
	const char *op;
	const char *activity;
};

/*
 * Operation to activity.  Kept sorted by operation (strcmp order); a unit
 * test checks the order, since lookups use bsearch.
 */
static const struct act acts[] = {
    {"AccessRequestAccepted", "access_approved"},
    {"AccessRequestCreated", "access_requested"},
    {"AccessRequestDenied", "access_denied"},
    {"AccessRequestUpdated", "access_requested"},
    {"Add User.", "account_created"},
    {"Add member to group.", "member_added"},
    {"Add member to role.", "role_assigned"},
    {"Add user.", "account_created"},
    {"Add-MailboxPermission", "mailbox_permission_added"},
    {"AddedToGroup", "member_added"},
    {"AddedToSecureLink", "shared"},
    {"AlertEntityGenerated", "security_alert"},
    {"AlertTriggered", "security_alert"},
    {"AnonymousLinkCreated", "shared"},
    {"AnonymousLinkRemoved", "share_revoked"},
    {"AnonymousLinkUpdated", "shared"},
    {"AnonymousLinkUsed", "anonymous_link_used"},
    {"ArchiveCreated", "file_archived"},
    {"BrowseToUrl", "web_visited"},
    {"CompanyLinkCreated", "shared"},
    {"CompanyLinkRemoved", "share_revoked"},
    {"CompanyLinkUsed", "link_used"},
    {"Consent to application.", "app_consented"},
    {"CopilotInteraction", "ai_interaction"},
    {"Delete user.", "account_deleted"},
    {"DlpRuleMatch", "dlp_matched"},
    {"DlpRuleUndo", "dlp_undone"},
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
    {"FilePreviewed", "file_previewed"},
    {"FilePrinted", "printed"},
    {"FileRead", "file_read"},
    {"FileRecycled", "file_deleted"},
    {"FileRenamed", "file_renamed"},
    {"FileRestored", "file_restored"},
    {"FileSensitivityLabelApplied", "label_changed"},
    {"FileSensitivityLabelChanged", "label_changed"},
    {"FileSensitivityLabelRemoved", "label_changed"},
    {"FileSyncDownloadedFull", "file_synced"},
    {"FileSyncDownloadedPartial", "file_synced"},
    {"FileSyncUploadedFull", "file_uploaded"},
    {"FileTransferredByBluetooth", "bluetooth_sent"},
    {"FileUploaded", "file_uploaded"},
    {"FileUploadedToCloud", "cloud_uploaded"},
    {"FolderCopied", "folder_copied"},
    {"FolderCreated", "folder_created"},
    {"FolderDeleted", "file_deleted"},
    {"FolderDeletedFirstStageRecycleBin", "file_purged"},
    {"FolderDeletedSecondStageRecycleBin", "file_purged"},
    {"FolderModified", "folder_modified"},
    {"FolderMoved", "folder_moved"},
    {"FolderRecycled", "file_deleted"},
    {"FolderRenamed", "folder_renamed"},
    {"FolderRestored", "file_restored"},
    {"HardDelete", "email_purged"},
    {"MailItemsAccessed", "email_accessed"},
    {"MemberAdded", "member_added"},
    {"MipLabel", "label_changed"},
    {"MoveToDeletedItems", "email_deleted"},
    {"New-InboxRule", "email_rule"},
    {"PageViewed", "page_viewed"},
    {"PasswordLogonInitialAuthUsingPassword", "logon"},
    {"PermissionLevelAdded", "permission_changed"},
    {"RemovableMediaMount", "usb_mounted"},
    {"RemovedFromSecureLink", "share_revoked"},
    {"Reset user password.", "password_reset"},
    {"SecureLinkCreated", "shared"},
    {"SecureLinkDeleted", "share_revoked"},
    {"SecureLinkUsed", "link_used"},
    {"Send", "email_sent"},
    {"SendAs", "email_sent"},
    {"SendOnBehalf", "email_sent"},
    {"SensitivityLabelApplied", "label_changed"},
    {"SensitivityLabelRemoved", "label_changed"},
    {"SensitivityLabelUpdated", "label_changed"},
    {"Set-InboxRule", "email_rule"},
    {"Set-Mailbox", "email_rule"},
    {"SharingInvitationAccepted", "invitation_accepted"},
    {"SharingInvitationBlocked", "share_blocked"},
    {"SharingInvitationCreated", "shared"},
    {"SharingInvitationRevoked", "share_revoked"},
    {"SharingInvitationUpdated", "permission_changed"},
    {"SharingRevoked", "share_revoked"},
    {"SharingSet", "shared"},
    {"SiteSensitivityLabelApplied", "site_label_changed"},
    {"SiteSensitivityLabelChanged", "site_label_changed"},
    {"SiteSensitivityLabelRemoved", "site_label_changed"},
    {"SoftDelete", "email_deleted"},
    {"Update user.", "account_changed"},
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

const char *
irm_o365_activity(const char *op)
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

/* First match wins: a prefix ending in '_' matches every activity it
 * begins, any other entry its activity only. */
static const struct ecs ecs_map[] = {
    {"file_deleted", "file", "deletion"},
    {"file_purged", "file", "deletion"},
    {"file_created", "file", "creation"},
    {"file_modified", "file", "change"},
    {"file_renamed", "file", "change"},
    {"file_moved", "file", "change"},
    {"file_hidden", "file", "change"},
    {"file_restored", "file", "creation"},
    {"label_changed", "file", "change"},
    {"file_copied", "file", "creation"},
    {"file_", "file", "access"},
    {"folder_created", "file", "creation"},
    {"folder_copied", "file", "creation"},
    {"folder_", "file", "change"},
    {"usb_mounted", "host", "change"},
    {"usb_", "file", "creation"},
    {"cloud_uploaded", "file", "access"},
    {"browser_downloaded", "file", "creation"},
    {"printed", "file", "access"},
    {"network_share_copied", "file", "creation"},
    {"clipboard_copied", "file", "access"},
    {"rdp_copied", "file", "access"},
    {"bluetooth_sent", "file", "access"},
    {"shared", "file", "change"},
    {"share_revoked", "file", "change"},
    {"share_blocked", "file", "change"},
    {"link_used", "file", "access"},
    {"invitation_accepted", "file", "access"},
    {"page_viewed", "web", "access"},
    {"access_approved", "iam", "change"},
    {"access_", "iam", "info"},
    {"site_label_changed", "configuration", "change"},
    {"member_added", "iam", "group"},
    {"email_", "email", "info"},
    {"logon", "authentication", "start"},
    {"logon_failed", "authentication", "start"},
    {"logoff", "authentication", "end"},
    {"account_deleted", "iam", "deletion"},
    {"account_created", "iam", "creation"},
    {"account_changed", "iam", "change"},
    {"password_reset", "iam", "change"},
    {"role_assigned", "iam", "change"},
    {"app_consented", "iam", "change"},
    {"mailbox_permission_added", "iam", "change"},
    {"anonymous_link_used", "file", "access"},
    {"permission_changed", "file", "change"},
    {"security_alert", "threat", "indicator"},
    {"dlp_matched", "threat", "indicator"},
    {"dlp_undone", "threat", "indicator"},
    {"badge_access", "authentication", "start"},
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

/* ------------------------------------------------------------- helpers */

const char *
irm_o365_pair(struct json_object *arr, const char *name)
{
	size_t i, n = irm_json_len(arr);
	struct json_object *el;
	const char *k;

	for (i = 0; i < n; i++) {
		el = irm_json_at(arr, i);
		k = irm_json_text(irm_json_get_ci(el, "Name"));
		if (k && irm_strcaseeq(k, name))
			return irm_json_text(irm_json_get_ci(el, "Value"));
	}
	return NULL;
}

/* Add s to sv unless it is empty or already there. */
static void
add_once(struct irm_strv *sv, const char *s)
{
	size_t i;

	if (s == NULL || *s == '\0')
		return;
	for (i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return;
	irm_strv_add(sv, s);
}

/* ------------------------------------------------------------- mailbox */

/* One mail item: counted, its folder kept, its ids remembered. */
static void
mail_item(struct irm_event *ev, struct json_object *it,
    struct json_object **only, long long *n)
{
	add_once(&ev->mail_folders,
	    irm_json_str(irm_json_get_ci(it, "ParentFolder"), "Path"));
	*only = *n == 0 ? it : NULL;
	(*n)++;
}

void
irm_o365_mailbox(struct json_object *rec, struct irm_event *ev)
{
	const char *owner =
	    irm_json_text(irm_json_get_ci(rec, "MailboxOwnerUPN"));
	struct json_object *folders = irm_json_get_ci(rec, "Folders");
	struct json_object *items, *f, *only = NULL, *item;
	size_t i, j, nf;
	long long n = 0;

	/* Whose mail, when it is not the actor's own. */
	if (owner && *owner &&
	    (ev->user == NULL || !irm_strcaseeq(owner, ev->user)))
		ev->target_user = owner;
	ev->mail_access = irm_o365_pair(
	    irm_json_get_ci(rec, "OperationProperties"), "MailAccessType");
	/* MailItemsAccessed: Folders[{Path, FolderItems[]}]. */
	nf = irm_json_len(folders);
	for (i = 0; i < nf; i++) {
		f = irm_json_at(folders, i);
		add_once(&ev->mail_folders, irm_json_str(f, "Path"));
		items = irm_json_get_ci(f, "FolderItems");
		for (j = 0; j < irm_json_len(items); j++) {
			only = n == 0 ? irm_json_at(items, j) : NULL;
			n++;
		}
	}
	/* Deletes: Folder{Path} and AffectedItems[{Subject, ParentFolder}]. */
	add_once(&ev->mail_folders,
	    irm_json_str(irm_json_get_ci(rec, "Folder"), "Path"));
	items = irm_json_get_ci(rec, "AffectedItems");
	for (j = 0; j < irm_json_len(items); j++)
		mail_item(ev, irm_json_at(items, j), &only, &n);
	/* A single-item record: Item{ParentFolder}. */
	if (n == 0 && (item = irm_json_get_ci(rec, "Item")) != NULL)
		mail_item(ev, item, &only, &n);
	if (n > 0)
		ev->mail_items = n;
	/* One message: its subject and id are the event's. */
	if (only) {
		if (ev->email_subject == NULL)
			ev->email_subject = irm_json_str(only, "Subject");
		if (ev->email_message_id == NULL)
			ev->email_message_id =
			    irm_json_str(only, "InternetMessageId");
	}
}

/* ----------------------------------------------------- directory changes */

/*
 * ModifiedProperties [{Name, OldValue, NewValue}] as irm.changes, an
 * array of {name, old, new} with empty values left out.  Returns 1 when
 * there was something to write.
 */
int
irm_o365_changes(struct json_object *rec, struct irm_event *ev)
{
	struct json_object *mp = irm_json_get_ci(rec, "ModifiedProperties");
	struct json_object *el;
	struct irm_buf b;
	const char *name, *ov, *nv;
	size_t i, n = irm_json_len(mp), kept = 0;
	int err = 0;

	if (n == 0)
		return 0;
	irm_buf_init(&b, (size_t)1 << 30);
	err |= irm_buf_addc(&b, '[');
	for (i = 0; i < n; i++) {
		el = irm_json_at(mp, i);
		name = irm_json_text(irm_json_get_ci(el, "Name"));
		ov = irm_json_text(irm_json_get_ci(el, "OldValue"));
		nv = irm_json_text(irm_json_get_ci(el, "NewValue"));
		if (name == NULL || *name == '\0')
			continue;
		err |= irm_buf_adds(&b, kept ? ",{\"name\":" : "{\"name\":");
		err |= irm_json_quote(&b, name);
		if (ov && *ov) {
			err |= irm_buf_adds(&b, ",\"old\":");
			err |= irm_json_quote(&b, ov);
		}
		if (nv && *nv) {
			err |= irm_buf_adds(&b, ",\"new\":");
			err |= irm_json_quote(&b, nv);
		}
		err |= irm_buf_addc(&b, '}');
		kept++;
	}
	err |= irm_buf_addc(&b, ']');
	if (!err && kept)
		ev->changes = irm_event_strndup(ev, b.data, b.len);
	irm_buf_free(&b);
	return ev->changes != NULL;
}

/* ------------------------------------------------------------------ DLP */

static int
has_str(struct json_object *arr, const char *s)
{
	size_t i;
	const char *v;

	for (i = 0; i < irm_json_len(arr); i++)
		if ((v = irm_json_text(irm_json_at(arr, i))) &&
		    irm_strcaseeq(v, s))
			return 1;
	return 0;
}

/* Did this rule block (a Block... action it did not let the user
 * override)? */
static int
rule_blocks(struct json_object *rule)
{
	struct json_object *ra = irm_json_get(rule, "Actions");
	struct json_object *over = irm_json_get(rule, "OverriddenActions");
	const char *a;
	size_t i;

	for (i = 0; i < irm_json_len(ra); i++) {
		a = irm_json_text(irm_json_at(ra, i));
		if (a && strncmp(a, "Block", 5) == 0 && !has_str(over, a))
			return 1;
	}
	return 0;
}

/* One rule as {policy, rule, severity, actions[]}. */
static int
dlp_rule(struct irm_buf *b, const char *policy, struct json_object *rule)
{
	struct json_object *ra = irm_json_get(rule, "Actions");
	const char *v;
	size_t i;
	int err = 0, first = 1;

	err |= irm_buf_addc(b, '{');
	if (policy) {
		err |= irm_buf_adds(b, "\"policy\":");
		err |= irm_json_quote(b, policy);
		first = 0;
	}
	if ((v = irm_json_str(rule, "RuleName")) != NULL) {
		err |= irm_buf_adds(b, first ? "\"rule\":" : ",\"rule\":");
		err |= irm_json_quote(b, v);
		first = 0;
	}
	if ((v = irm_json_str(rule, "Severity")) != NULL) {
		err |=
		    irm_buf_adds(b, first ? "\"severity\":" : ",\"severity\":");
		err |= irm_json_quote(b, v);
		first = 0;
	}
	if (irm_json_len(ra)) {
		err |=
		    irm_buf_adds(b, first ? "\"actions\":[" : ",\"actions\":[");
		for (i = 0; i < irm_json_len(ra); i++) {
			v = irm_json_text(irm_json_at(ra, i));
			if (i)
				err |= irm_buf_addc(b, ',');
			err |= irm_json_quote(b, v ? v : "");
		}
		err |= irm_buf_addc(b, ']');
	}
	return err | irm_buf_addc(b, '}');
}

/*
 * Every rule of PolicyDetails[].Rules[] into irm.dlp.rules.  A rule that
 * blocked makes the outcome failure, unless the record has an
 * ExceptionInfo (the user overrode the block or reported a false
 * positive).
 */
void
irm_o365_dlp_rules(struct json_object *rec, struct irm_event *ev)
{
	struct json_object *pol = irm_json_get_ci(rec, "PolicyDetails");
	struct json_object *exc = irm_json_get_ci(rec, "ExceptionInfo");
	struct json_object *p, *rules;
	const char *ev_exc = irm_json_text(exc);
	struct irm_buf b;
	size_t i, j, n = 0;
	int err = 0, blocked = 0;

	irm_buf_init(&b, (size_t)1 << 30);
	err |= irm_buf_addc(&b, '[');
	for (i = 0; i < irm_json_len(pol); i++) {
		p = irm_json_at(pol, i);
		rules = irm_json_get(p, "Rules");
		for (j = 0; j < irm_json_len(rules); j++) {
			if (n++)
				err |= irm_buf_addc(&b, ',');
			err |= dlp_rule(&b, irm_json_str(p, "PolicyName"),
			    irm_json_at(rules, j));
			blocked |= rule_blocks(irm_json_at(rules, j));
		}
	}
	err |= irm_buf_addc(&b, ']');
	if (!err && n)
		ev->dlp_rules = irm_event_strndup(ev, b.data, b.len);
	irm_buf_free(&b);
	/* An ExceptionInfo of null, "" or {} is no override. */
	if (json_object_is_type(exc, json_type_object))
		ev_exc = json_object_object_length(exc) ? "" : NULL;
	else if (ev_exc && strcmp(ev_exc, "{}") == 0)
		ev_exc = NULL;
	if (blocked && ev_exc == NULL &&
	    strcmp(ev->activity, "dlp_matched") == 0)
		ev->outcome = "failure";
}
