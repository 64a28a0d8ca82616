#!/bin/sh
# Every O365 operation that irm-event(5) lists maps to its irm.activity
# (one record per operation), and the special cases decide by fields:
# logon outcome from ErrorNumber/LogonError (never ResultStatus), Set-Mailbox
# only with forwarding, an unknown operation is "other" and --only-known
# drops it.
. "$(dirname "$0")/lib.sh"
plan 4
cat >"$TMP/want" <<'LIST'
AccessRequestAccepted	access_approved
AccessRequestCreated	access_requested
AccessRequestDenied	access_denied
AccessRequestUpdated	access_requested
Add User.	account_created
Add member to group.	member_added
Add member to role.	role_assigned
Add user.	account_created
Add-MailboxPermission	mailbox_permission_added
AddedToGroup	member_added
AddedToSecureLink	shared
AlertEntityGenerated	security_alert
AlertTriggered	security_alert
AnonymousLinkCreated	shared
AnonymousLinkRemoved	share_revoked
AnonymousLinkUpdated	shared
AnonymousLinkUsed	anonymous_link_used
ArchiveCreated	file_archived
BrowseToUrl	web_visited
CompanyLinkCreated	shared
CompanyLinkRemoved	share_revoked
CompanyLinkUsed	link_used
Consent to application.	app_consented
CopilotInteraction	ai_interaction
Delete user.	account_deleted
DlpRuleMatch	dlp_matched
DlpRuleUndo	dlp_undone
FileAccessed	file_accessed
FileAccessedByUnallowedApp	file_accessed
FileAccessedExtended	file_accessed
FileArchived	file_archived
FileCopied	file_copied
FileCopiedToClipboard	clipboard_copied
FileCopiedToNetworkShare	network_share_copied
FileCopiedToRemoteDesktopSession	rdp_copied
FileCopiedToRemovableMedia	usb_copied
FileCreated	file_created
FileCreatedOnNetworkShare	network_share_copied
FileCreatedOnRemovableMedia	usb_copied
FileDeleted	file_deleted
FileDeletedFirstStageRecycleBin	file_purged
FileDeletedSecondStageRecycleBin	file_purged
FileDownloaded	file_downloaded
FileDownloadedFromBrowser	browser_downloaded
FileHidden	file_hidden
FileModified	file_modified
FileModifiedExtended	file_modified
FileMoved	file_moved
FilePreviewed	file_previewed
FilePrinted	printed
FileRead	file_read
FileRecycled	file_deleted
FileRenamed	file_renamed
FileRestored	file_restored
FileSensitivityLabelApplied	label_changed
FileSensitivityLabelChanged	label_changed
FileSensitivityLabelRemoved	label_changed
FileSyncDownloadedFull	file_synced
FileSyncDownloadedPartial	file_synced
FileSyncUploadedFull	file_uploaded
FileTransferredByBluetooth	bluetooth_sent
FileUploaded	file_uploaded
FileUploadedToCloud	cloud_uploaded
FolderCopied	folder_copied
FolderCreated	folder_created
FolderDeleted	file_deleted
FolderDeletedFirstStageRecycleBin	file_purged
FolderDeletedSecondStageRecycleBin	file_purged
FolderModified	folder_modified
FolderMoved	folder_moved
FolderRecycled	file_deleted
FolderRenamed	folder_renamed
FolderRestored	file_restored
HardDelete	email_purged
MailItemsAccessed	email_accessed
MemberAdded	member_added
MipLabel	label_changed
MoveToDeletedItems	email_deleted
New-InboxRule	email_rule
PageViewed	page_viewed
PasswordLogonInitialAuthUsingPassword	logon
PermissionLevelAdded	permission_changed
RemovableMediaMount	usb_mounted
RemovedFromSecureLink	share_revoked
Reset user password.	password_reset
SecureLinkCreated	shared
SecureLinkDeleted	share_revoked
SecureLinkUsed	link_used
Send	email_sent
SendAs	email_sent
SendOnBehalf	email_sent
SensitivityLabelApplied	label_changed
SensitivityLabelRemoved	label_changed
SensitivityLabelUpdated	label_changed
Set-InboxRule	email_rule
Set-Mailbox	email_rule
SharingInvitationAccepted	invitation_accepted
SharingInvitationBlocked	share_blocked
SharingInvitationCreated	shared
SharingInvitationRevoked	share_revoked
SharingInvitationUpdated	permission_changed
SharingRevoked	share_revoked
SharingSet	shared
SiteSensitivityLabelApplied	site_label_changed
SiteSensitivityLabelChanged	site_label_changed
SiteSensitivityLabelRemoved	site_label_changed
SoftDelete	email_deleted
Update user.	account_changed
UpdateInboxRules	email_rule
UserLoggedIn	logon
UserLoggedOff	logoff
UserLoginFailed	logon_failed
LIST
# Records that need fields to take their activity get them here.
n=0
while IFS='	' read -r op act; do
	n=$((n + 1))
	extra=
	case $op in
	Set-Mailbox) extra=',"Parameters":[{"Name":"ForwardingSmtpAddress","Value":"smtp:x@gmail.com"}]' ;;
	esac
	printf '{"CreationTime":"2026-03-02T10:00:00","Id":"id-%d","Operation":"%s","UserId":"u@contoso.com"%s}\n' \
	    "$n" "$op" "$extra"
done <"$TMP/want" >"$TMP/in.jsonl"
irm-norm "$TMP/in.jsonl" >"$TMP/ev" 2>"$TMP/err"
check_rc "every listed operation is accepted" 0 test ! -s "$TMP/err"
sed 's/.*"action":"\([^"]*\)".*"activity":"\([^"]*\)".*/\1	\2/' "$TMP/ev" >"$TMP/got"
check_same "operation -> activity" "$TMP/got" "$TMP/want"

cat >"$TMP/special.jsonl" <<'JSON'
{"CreationTime":"2026-03-02T10:00:00","Id":"s1","Operation":"UserLoggedIn","UserId":"u@contoso.com","ResultStatus":"Success","ErrorNumber":"50126"}
{"CreationTime":"2026-03-02T10:00:00","Id":"s2","Operation":"UserLoginFailed","UserId":"u@contoso.com","ResultStatus":"Success"}
{"CreationTime":"2026-03-02T10:00:00","Id":"s3","Operation":"UserLoggedIn","UserId":"u@contoso.com","ResultStatus":"Failed","ErrorNumber":"0"}
{"CreationTime":"2026-03-02T10:00:00","Id":"s4","Operation":"Set-Mailbox","UserId":"u@contoso.com","Parameters":[{"Name":"Identity","Value":"u"}]}
{"CreationTime":"2026-03-02T10:00:00","Id":"s5","Operation":"SomethingNew","UserId":"u@contoso.com"}
JSON
irm-norm "$TMP/special.jsonl" |
    sed 's/.*"id":"\([^"]*\)".*"activity":"\([^"]*\)".*/\1 \2/' >"$TMP/got"
cat >"$TMP/want" <<'OUT'
s1 logon_failed
s2 logon_failed
s3 logon
s4 other
s5 other
OUT
check_same "field-decided activities" "$TMP/got" "$TMP/want"
irm-norm --only-known "$TMP/special.jsonl" | grep -c . >"$TMP/got"
echo 3 >"$TMP/want"
check_same "--only-known drops activity other" "$TMP/got" "$TMP/want"
done_testing
