#!/bin/sh
# Each of the ten policy templates writes an insight for what it is for
# and stays quiet otherwise: on small hand-built irm-event(5) streams, one
# policy per run (tests/data/score/templates/, one file per template), the
# insights' policy, template, indicator, severity, score, trigger and
# factor names are exactly those worked out by hand from the scoring rule
# of DESIGN section 4:
#   level = 0 below the low threshold, then 1, 2, 3; points = weight x level
#   x1.5 priority content, x1.5 unallowed domain, x1.25 unusual activity
#   (n >= max(unusual.min_daily 10, factor 3 x 30-day mean), with 14
#   active days of history or more), x1.25
#   priority user, x1.25 after hours (more than half outside 07:00-19:00
#   UTC, Monday to Friday)
#   score = min(100, round half up); high >= 67, medium >= 34, low >= 1;
#   below the policy's alert.min_score nothing is written.
# Activity is on Monday 2026-03-02 at 10:MM UTC, inside working hours,
# and users have no earlier activity (no history: never unusual),
# unless a case says otherwise.  Policies turn
# sequences and cumulative exfiltration off: only indicator insights.
. "$(dirname "$0")/lib.sh"
plan 28
D=$TESTS/data/score/templates
HC=a1a1a1a1-0000-4000-8000-000000000001 # label "Highly Confidential"

# ------------------------------------------------------------ events
# Each writer prints one event as irm-norm writes it.  i (set by rep) is
# the minute of the hour and numbers the file; every event gets a new id.
i=1
_id=0
nid() { _id=$((_id + 1)); }
ts() { printf '%s:%02d:00.000Z' "$1" "$i"; }
# rep N WRITER ARGS...: N events, minutes 01 to N.
rep() {
	_r=$1
	shift
	i=1
	while [ "$i" -le "$_r" ]; do
		"$@"
		i=$((i + 1))
	done
	i=1
}
# evhead: @timestamp, event (id, action, category, type, more) and user.
evhead() { # TS ACTION CATEGORY TYPE EVENT-MORE USER
	nid
	printf '{"@timestamp":"%s","event":{"id":"ev-%04d","action":"%s","category":["%s"],"type":["%s"]%s},"user":{"name":"%s"' \
	    "$1" "$_id" "$2" "$3" "$4" "$5" "$6"
}
O365=',"module":"o365","dataset":"o365.audit"'
# usbcopy USER HOUR [LABEL]: FileCopiedToRemovableMedia (endpoint DLP).
usbcopy() {
	evhead "$(ts "$2")" FileCopiedToRemovableMedia file creation \
	    ',"provider":"Endpoint"'"$O365" "$1"
	printf '},"irm":{"activity":"usb_copied"%s},"file":{"name":"plan%d.docx","extension":"docx"}}\n' \
	    "${3:+,\"label\":\"$3\"}" "$i"
}
# usbmount USER HOUR: RemovableMediaMount.
usbmount() {
	evhead "$(ts "$2")" RemovableMediaMount host connection \
	    ',"provider":"Endpoint"'"$O365" "$1"
	printf '},"irm":{"activity":"usb_mounted"}}\n'
}
# spdl USER HOUR: FileDownloaded from a SharePoint site.
spdl() {
	evhead "$(ts "$2")" FileDownloaded file access \
	    ',"provider":"SharePoint"'"$O365" "$1"
	printf '},"irm":{"activity":"file_downloaded"},"file":{"name":"Q%d.xlsx","extension":"xlsx","directory":"Shared Documents"},"url":{"full":"https://contoso.sharepoint.com/sites/fin/Shared Documents/Q%d.xlsx","domain":"contoso.sharepoint.com"}}\n' \
	    "$i" "$i"
}
# cloudup USER HOUR DOMAIN: FileUploadedToCloud.
cloudup() {
	evhead "$(ts "$2")" FileUploadedToCloud file access \
	    ',"provider":"Endpoint"'"$O365" "$1"
	printf '},"irm":{"activity":"cloud_uploaded"},"file":{"name":"deck%d.pptx","extension":"pptx"},"destination":{"domain":"%s"}}\n' \
	    "$i" "$3"
}
# logon USER HOUR: UserLoggedIn without an error.
logon() {
	evhead "$(ts "$2")" UserLoggedIn authentication start \
	    ',"outcome":"success","provider":"AzureActiveDirectory"'"$O365" "$1"
	printf '},"irm":{"activity":"logon"},"source":{"ip":"203.0.113.9"}}\n'
}
# dlp USER HOUR SEVERITY(1-3) TO: an Exchange DlpRuleMatch.
dlp() {
	case $3 in 1) _sev=low ;; 2) _sev=medium ;; *) _sev=high ;; esac
	evhead "$(ts "$2")" DlpRuleMatch threat indicator \
	    ",\"severity\":$3,\"provider\":\"Exchange\"$O365" "$1"
	printf '},"irm":{"activity":"dlp_matched","severity":"%s"},"rule":{"name":"Credit cards"},"email":{"from":{"address":["%s"]},"to":{"address":["%s"]},"subject":"Pricing"}}\n' \
	    "$_sev" "$1" "$4"
}
# email USER HOUR TO ATTACHMENTS: a CERT email Send.
email() {
	evhead "$(ts "$2")" Send email info \
	    ',"module":"cert","dataset":"cert.email"' "$1"
	printf '},"irm":{"activity":"email_sent","attachments":%d},"email":{"from":{"address":["%s"]},"to":{"address":["%s"]}},"host":{"name":"PC-1"}}\n' \
	    "$4" "$1" "$3"
}
# web USER HOUR DOMAIN CATEGORY: a CERT WWW Visit.
web() {
	evhead "$(ts "$2")" "WWW Visit" web access \
	    ',"module":"cert","dataset":"cert.http"' "$1"
	printf '},"irm":{"activity":"web_visited","category":"%s"},"url":{"full":"http://%s/page%d.html","domain":"%s"},"host":{"name":"PC-1"}}\n' \
	    "$4" "$3" "$i" "$3"
}
# bdl USER HOUR DOMAIN: a CERT WWW Download.
bdl() {
	evhead "$(ts "$2")" "WWW Download" file creation \
	    ',"module":"cert","dataset":"cert.http"' "$1"
	printf '},"irm":{"activity":"browser_downloaded"},"url":{"full":"http://%s/dl/setup%d.exe","domain":"%s"},"destination":{"domain":"%s"},"host":{"name":"PC-1"}}\n' \
	    "$3" "$i" "$3" "$3"
}
# alert USER HOUR CATEGORY: a Graph alerts_v2 alert of high severity.
alert() {
	evhead "$(ts "$2")" "Suspicious activity" threat indicator \
	    ',"severity":3,"provider":"microsoftDefenderForEndpoint","module":"graph","dataset":"graph.alerts_v2"' "$1"
	printf '},"irm":{"activity":"security_alert","severity":"high","alert_category":"%s"},"rule":{"name":"Suspicious activity"}}\n' \
	    "$3"
}
# swipe USER HOUR: a successful swipe.
swipe() {
	evhead "$(ts "$2")" PhysicalAccess physical_access access \
	    ',"outcome":"success","module":"badge","dataset":"badge.access"' "$1"
	printf '},"irm":{"activity":"badge_access","asset":"HQ-Main-1"}}\n'
}
# detection USER HOUR INDICATOR: a custom indicator row.
detection() {
	evhead "$(ts "$2")" "$3" threat indicator \
	    ',"module":"custom","dataset":"custom.indicator"' "$1"
	printf '},"irm":{"activity":"custom","indicator":"%s"}}\n' "$3"
}
# deluser ADMIN HOUR TARGET: Entra ID "Delete user".
deluser() {
	evhead "$(ts "$2")" "Delete user" iam deletion \
	    ',"outcome":"success","provider":"Core Directory","module":"graph","dataset":"graph.directoryAudits"' "$1"
	printf ',"target":{"name":"%s"}},"irm":{"activity":"account_deleted"}}\n' "$3"
}
# hr USER DATE ACTION SCENARIO FIELDS: an HR connector row at 09:00 of
# DATE; FIELDS are the members of irm.hr.
hr() {
	nid
	printf '{"@timestamp":"%sT09:00:00.000Z","event":{"id":"sha256:%064d","action":"%s","category":["iam"],"type":["info"],"module":"hr","dataset":"hr.%s"},"user":{"name":"%s"},"irm":{"activity":"hr_%s","hr":{%s}}}\n' \
	    "$2" "$_id" "$3" "$4" "$1" "$4" "$5"
}
resign() { # USER DATE LASTDAY
	hr "$1" "$2" Resignation resignation \
	    "\"resignation_date\":\"$2T09:00:00.000Z\",\"last_working_date\":\"$3T00:00:00.000Z\""
}
review() { # USER DATE RATING
	hr "$1" "$2" "Performance review" review \
	    "\"effective_date\":\"$2T09:00:00.000Z\",\"rating\":\"$3\""
}
jobchange() { # USER DATE OLD NEW
	hr "$1" "$2" "Job level change" job_change \
	    "\"effective_date\":\"$2T09:00:00.000Z\",\"old_level\":\"$3\",\"new_level\":\"$4\""
}
pip() { # USER DATE
	hr "$1" "$2" "Performance improvement plan" pip \
	    "\"effective_date\":\"$2T09:00:00.000Z\",\"remarks\":\"Missed targets\""
}

# ------------------------------------------------------------ scoring
# score CASE TEMPLATE [OPTION...]: irm-score -s settings -p TEMPLATE.json
# over $TMP/CASE.jsonl.  $TMP/CASE.got gets one sorted line per insight,
#   policy template day indicator count severity score trigger factors
# then the exit status when it is not 0 and any stderr line.
F='[.rule.name, .rule.ruleset, .irm.day, (.irm.indicator // .irm.insight),
    .irm.count, .irm.severity, .irm.score, (.irm.trigger.activity // "-"),
    ([.irm.factors[]?.name] | join("+"))] | map(tostring) | join(" ")'
score() {
	_c=$1
	_p=$2
	shift 2
	irm-score -s "$D/settings.json" -p "$D/$_p.json" "$@" \
	    "$TMP/$_c.jsonl" >"$TMP/$_c.out" 2>"$TMP/$_c.err"
	_rc=$?
	jq -r "$F" "$TMP/$_c.out" | sort >"$TMP/$_c.got"
	[ "$_rc" = 0 ] || echo "exit $_rc" >>"$TMP/$_c.got"
	sed 's/^/stderr: /' "$TMP/$_c.err" >>"$TMP/$_c.got"
}
# want CASE: the expected lines of CASE, from stdin.
want() { cat >"$TMP/$1.want"; }
# same MSG CASE: the insights of CASE are the expected ones.
same() { check_same "$1" "$TMP/$2.got" "$TMP/$2.want"; }

# ------------------------------------------------- data_theft_departing
# Alice resigns on 02-27 (last day 03-13; window 01-28 to 04-12) and on
# Monday copies 12 files labelled Highly Confidential to USB.
{
	resign alice@contoso.com 2026-02-27 2026-03-13
	rep 12 usbcopy alice@contoso.com 2026-03-02T10 $HC
} >"$TMP/departing.jsonl"
score departing data_theft_departing
# usb_copy n=12, thresholds 1,10,30: level 2, 20 x 2 = 40 points;
# x1.5 priority content (all 12 labelled): 40 x 1.5 = 60, medium.
want departing <<'OUT'
t-departing data_theft_departing 2026-03-02 usb_copy 12 medium 60 hr_resignation level+priority_content
OUT
same "data_theft_departing: labelled files to USB after a resignation" departing

# Bob copies the same 12 files without any resignation or deletion.
rep 12 usbcopy bob@contoso.com 2026-03-02T10 $HC >"$TMP/departing-none.jsonl"
score departing-none data_theft_departing
want departing-none </dev/null
same "data_theft_departing: the same volume without a trigger is quiet" \
    departing-none

# An admin deletes Carol's account on Friday 02-27; her copies on Monday
# count for her (user.target.name), not for the admin.
{
	deluser admin@contoso.com 2026-02-27T16 carol@contoso.com
	rep 10 usbcopy carol@contoso.com 2026-03-02T10
} >"$TMP/departing-deleted.jsonl"
score departing-deleted data_theft_departing
# usb_copy n=10: level 2, 40 points; no history, no label: 40, medium.
want departing-deleted <<'OUT'
t-departing data_theft_departing 2026-03-02 usb_copy 10 medium 40 account_deleted level
OUT
same "data_theft_departing: an account deletion triggers for its target" \
    departing-deleted

# Whole UTC days, inclusive, and a trigger that comes after the activity:
# Dan copies 10 unlabelled files on each of 02-02, 02-03, 04-04 and
# 04-05; his resignation (dated 03-05, last day 03-05) arrives between.
# With before_days 30 and after_days 30 the window is 02-03 to 04-04.
{
	rep 10 usbcopy dan@contoso.com 2026-02-02T10
	rep 10 usbcopy dan@contoso.com 2026-02-03T10
	resign dan@contoso.com 2026-03-05 2026-03-05
	rep 10 usbcopy dan@contoso.com 2026-04-04T10
	rep 10 usbcopy dan@contoso.com 2026-04-05T10
} >"$TMP/departing-window.jsonl"
score departing-window data_theft_departing
# 02-02 and 04-05 are outside the window.  Each day n=10: level 2, 40.
# 02-03 (Tuesday): one active day of history, not unusual: 40, medium.
# 04-04 (Saturday, not a working day): x1.25 after hours = 50, medium.
want departing-window <<'OUT'
t-departing data_theft_departing 2026-02-03 usb_copy 10 medium 40 hr_resignation level
t-departing data_theft_departing 2026-04-04 usb_copy 10 medium 50 hr_resignation level+after_hours
OUT
same "data_theft_departing: the window's first and last days, a late trigger" \
    departing-window

# ----------------------------------------------------------- data_leaks
# Dave mails 5 times to a personal address at gmail.com (unallowed), no
# attachments: email_personal_domain at its low threshold is the
# exfiltration trigger.
rep 5 email dave@contoso.com 2026-03-02T10 friend77@gmail.com 0 \
    >"$TMP/leaks.jsonl"
score leaks data_leaks
# email_personal_domain n=5, thresholds 1,5,15: level 2, 25 x 2 = 50;
# x1.5 unallowed domain (5 of 5); 5 < 10 is not unusual: 75, high.
# (No attachments: email_external_attachments does not match; the
# recipient's local part does not contain "dave": no email_self.)
want leaks <<'OUT'
t-leaks data_leaks 2026-03-02 email_personal_domain 5 high 75 exfiltration level+unallowed_domain
OUT
same "data_leaks: mail to a personal domain" leaks

# Erin is in scope (a high severity DLP match) and mails 10 messages with
# attachments to buyer@partner.com, an allowed domain: never scored.  (As
# email_external_attachments they would score 20 x 2 x 1.25 = 50.)
{
	dlp erin@contoso.com 2026-03-02T09 3 buyer@partner.com
	rep 10 email erin@contoso.com 2026-03-02T10 buyer@partner.com 2
} >"$TMP/leaks-partner.jsonl"
score leaks-partner data_leaks
want leaks-partner </dev/null
same "data_leaks: mail with attachments to an allowed partner is quiet" \
    leaks-partner

# Frank's high severity DLP match on Monday brings him into scope; on
# Tuesday evening he downloads 25 files from SharePoint (not an
# exfiltration indicator, so the DLP match is the only trigger).
{
	dlp frank@contoso.com 2026-03-02T09 3 buyer@partner.com
	rep 25 spdl frank@contoso.com 2026-03-03T20
} >"$TMP/leaks-dlp.jsonl"
score leaks-dlp data_leaks
# sharepoint_download n=25, thresholds 5,20,50: level 2, 20 x 2 = 40;
# no history, not unusual; x1.25 after hours: 50, medium (collection
# needs two signals: the trigger and the hour).
want leaks-dlp <<'OUT'
t-leaks data_leaks 2026-03-03 sharepoint_download 25 medium 50 dlp_matched level+after_hours
OUT
same "data_leaks: a high severity DLP match triggers" leaks-dlp

# Grace's DLP match is of medium severity: no trigger, the same 25
# downloads are quiet.
{
	dlp grace@contoso.com 2026-03-02T09 2 buyer@partner.com
	rep 25 spdl grace@contoso.com 2026-03-03T20
} >"$TMP/leaks-dlp-medium.jsonl"
score leaks-dlp-medium data_leaks
want leaks-dlp-medium </dev/null
same "data_leaks: a medium severity DLP match does not trigger" \
    leaks-dlp-medium

# --------------------------------------------- data_leaks_priority_users
# The CEO (settings priority_users.executives) uploads 10 decks to
# www.dropbox.com (unallowed by *.dropbox.com): exfiltration trigger.
# The 2 uploads to partner.com (allowed) are never scored.
{
	rep 10 cloudup ceo@contoso.com 2026-03-02T10 www.dropbox.com
	rep 2 cloudup ceo@contoso.com 2026-03-02T11 partner.com
} >"$TMP/leaks-priority.jsonl"
score leaks-priority data_leaks_priority_users
# cloud_upload n=10 (not 12), thresholds 1,10,30: level 2, 20 x 2 = 40;
# x1.5 unallowed domain, x1.25 priority user: 40 x 1.875 = 75, high.
want leaks-priority <<'OUT'
t-leaks-priority data_leaks_priority_users 2026-03-02 cloud_upload 10 high 75 exfiltration level+unallowed_domain+priority_user
OUT
same "data_leaks_priority_users: a priority user uploads to Dropbox" \
    leaks-priority

# Gina, not a priority user, uploads the same 10 decks (75 under
# data_leaks).
rep 10 cloudup gina@contoso.com 2026-03-02T10 www.dropbox.com \
    >"$TMP/leaks-priority-not.jsonl"
score leaks-priority-not data_leaks_priority_users
want leaks-priority-not </dev/null
same "data_leaks_priority_users: a user outside the groups is quiet" \
    leaks-priority-not

# ------------------------------------------------ data_leaks_risky_users
# Hank's review on 02-20 is "2-Below expectations" (poor by hr.poor_rating);
# on Monday evening at 21:MM he downloads 20 files.
{
	review hank@contoso.com 2026-02-20 "2-Below expectations"
	rep 20 spdl hank@contoso.com 2026-03-02T21
} >"$TMP/leaks-risky.jsonl"
score leaks-risky data_leaks_risky_users
# sharepoint_download n=20, thresholds 5,20,50: level 2, 40 points;
# no history, not unusual; x1.25 after hours (20 of 20 after 19:00):
# 40 x 1.25 = 50, medium.
want leaks-risky <<'OUT'
t-leaks-risky data_leaks_risky_users 2026-03-02 sharepoint_download 20 medium 50 hr_review level+after_hours
OUT
same "data_leaks_risky_users: a poor review triggers" leaks-risky

# Ivan is moved from Level 61 to Level 60 (a demotion by lower_number)
# and downloads 10 files at 10:MM and 10 at 20:MM on Monday, then 5 at
# 10:MM and 16 at 20:MM on Tuesday.
{
	jobchange ivan@contoso.com 2026-02-20 "Level 61 - Sr. Manager" \
	    "Level 60 - Manager"
	rep 10 spdl ivan@contoso.com 2026-03-02T10
	rep 10 spdl ivan@contoso.com 2026-03-02T20
	rep 5 spdl ivan@contoso.com 2026-03-03T10
	rep 16 spdl ivan@contoso.com 2026-03-03T20
} >"$TMP/leaks-demoted.jsonl"
score leaks-demoted data_leaks_risky_users
# sharepoint_download n=20: level 2, 40 (no history, not unusual); 10 of
# 20 after hours is not three quarters: the demotion is the one signal,
# and collection needs two: x0.5, 20, nothing.  On Tuesday 16 of 21 are:
# 40 x 1.25 = 50, medium.
want leaks-demoted <<'OUT'
t-leaks-risky data_leaks_risky_users 2026-03-03 sharepoint_download 21 medium 50 hr_job_change level+after_hours
OUT
same "data_leaks_risky_users: a demotion triggers" leaks-demoted

# Jill's review is good; the same evening downloads as Hank's are quiet.
{
	review jill@contoso.com 2026-02-20 "4-Exceeds expectations"
	rep 20 spdl jill@contoso.com 2026-03-02T21
} >"$TMP/leaks-good-review.jsonl"
score leaks-good-review data_leaks_risky_users
want leaks-good-review </dev/null
same "data_leaks_risky_users: a good review is quiet" leaks-good-review

# Kate is promoted from Level 60 to Level 61; the same downloads.
{
	jobchange kate@contoso.com 2026-02-20 "Level 60 - Manager" \
	    "Level 61 - Sr. Manager"
	rep 20 spdl kate@contoso.com 2026-03-02T21
} >"$TMP/leaks-promoted.jsonl"
score leaks-promoted data_leaks_risky_users
want leaks-promoted </dev/null
same "data_leaks_risky_users: a promotion is quiet" leaks-promoted

# -------------------------------------------------- security_violations
# Lara gets 2 DefenseEvasion alerts at 10:01 and 10:02 (the first is the
# trigger) and mounts 3 USB drives at 11:MM.
{
	rep 2 alert lara@contoso.com 2026-03-02T10 DefenseEvasion
	rep 3 usbmount lara@contoso.com 2026-03-02T11
} >"$TMP/security.jsonl"
score security security_violations
# defense_evasion n=2, thresholds 1,2,5: level 2, 30 x 2 = 60, medium.
# usb_mount n=3, thresholds 1,3,10: level 2, 20 x 2 = 40, medium.
want security <<'OUT'
t-security security_violations 2026-03-02 defense_evasion 2 medium 60 security_alert level
t-security security_violations 2026-03-02 usb_mount 3 medium 40 security_alert level
OUT
same "security_violations: alerts and USB mounts after an alert" security

# Mike mounts the same 3 USB drives (40 points) without any alert.
rep 3 usbmount mike@contoso.com 2026-03-02T11 >"$TMP/security-none.jsonl"
score security-none security_violations
want security-none </dev/null
same "security_violations: without an alert is quiet" security-none

# ----------------------------------------- security_violations_departing
# Nina resigns on 02-13, last working day Friday 02-27.  She swipes twice
# on her last day and twice on Monday 03-02, after it.
{
	resign nina@contoso.com 2026-02-13 2026-02-27
	rep 2 swipe nina@contoso.com 2026-02-27T10
	rep 2 swipe nina@contoso.com 2026-03-02T10
} >"$TMP/security-departing.jsonl"
score security-departing security_violations_departing
# badge_after_termination counts only days after 02-27: Monday n=2,
# thresholds 1,2,5: level 2, 30 x 2 = 60, medium.  The swipes of 02-27
# give nothing.
want security-departing <<'OUT'
t-security-departing security_violations_departing 2026-03-02 badge_after_termination 2 medium 60 hr_resignation level
OUT
same "security_violations_departing: badge swipes after the last day" \
    security-departing

# Olga has not resigned; her 2 swipes on Monday are quiet.
rep 2 swipe olga@contoso.com 2026-03-02T10 >"$TMP/security-staying.jsonl"
score security-staying security_violations_departing
want security-staying </dev/null
same "security_violations_departing: swipes without a resignation are quiet" \
    security-staying

# ------------------------------------ security_violations_priority_users
# The CFO (a priority user) gets one UnwantedSoftware alert.
alert cfo@contoso.com 2026-03-02T10 UnwantedSoftware \
    >"$TMP/security-priority.jsonl"
score security-priority security_violations_priority_users
# unwanted_software n=1, thresholds 1,2,5: level 1, 25 points; x1.25
# priority user: 31.25, rounded to 31, low (alert.min_score is 20).
want security-priority <<'OUT'
t-security-priority security_violations_priority_users 2026-03-02 unwanted_software 1 low 31 security_alert level+priority_user
OUT
same "security_violations_priority_users: an alert of a priority user" \
    security-priority

# Quinn, not a priority user, gets the same alert (25 points, above
# min_score 20, if the template scored him).
alert quinn@contoso.com 2026-03-02T10 UnwantedSoftware \
    >"$TMP/security-priority-not.jsonl"
score security-priority-not security_violations_priority_users
want security-priority-not </dev/null
same "security_violations_priority_users: a user outside the groups is quiet" \
    security-priority-not

# --------------------------------------- security_violations_risky_users
# Rita is put on an improvement plan on 02-16 and logs on 3 times on
# Monday at 05:01-05:03, before working hours.
{
	pip rita@contoso.com 2026-02-16
	rep 3 logon rita@contoso.com 2026-03-02T05
} >"$TMP/security-risky.jsonl"
score security-risky security_violations_risky_users
# after_hours_logon n=3, thresholds 1,3,10: level 2, 30 x 2 = 60; the
# after-hours booster does not apply to after_hours_logon itself: 60,
# medium.
want security-risky <<'OUT'
t-security-risky security_violations_risky_users 2026-03-02 after_hours_logon 3 medium 60 hr_pip level
OUT
same "security_violations_risky_users: an improvement plan triggers" \
    security-risky

# Sam's review is good ("4-Exceeds expectations"); the same logons.
{
	review sam@contoso.com 2026-02-16 "4-Exceeds expectations"
	rep 3 logon sam@contoso.com 2026-03-02T05
} >"$TMP/security-good-review.jsonl"
score security-good-review security_violations_risky_users
want security-good-review </dev/null
same "security_violations_risky_users: a good review is quiet" \
    security-good-review

# Tina is promoted from Level 60 to Level 61; the same logons.
{
	jobchange tina@contoso.com 2026-02-16 "Level 60 - Manager" \
	    "Level 61 - Sr. Manager"
	rep 3 logon tina@contoso.com 2026-03-02T05
} >"$TMP/security-promoted.jsonl"
score security-promoted security_violations_risky_users
want security-promoted </dev/null
same "security_violations_risky_users: a promotion is quiet" \
    security-promoted

# ------------------------------------------------------- risky_browsing
# Uma (no trigger needed) visits 3 gambling pages at 10:MM and downloads
# one file from www.dropbox.com (unallowed) at 22:01.
{
	rep 3 web uma@contoso.com 2026-03-02T10 www.casino.example Gambling
	bdl uma@contoso.com 2026-03-02T22 www.dropbox.com
} >"$TMP/browsing.jsonl"
score browsing risky_browsing
# browse_risky n=3, thresholds 1,3,10: level 2, 20 x 2 = 40, but nothing
# corroborates it (the domain is in no list, in working hours, no trigger,
# no history): x0.5 uncorroborated, 20, under min_score.
# browser_download_unallowed n=1, thresholds 1,5,15: level 1, 30; x1.5
# unallowed domain, x1.25 after hours (22:01): 56.25, rounded to 56,
# medium.
want browsing <<'OUT'
t-browsing risky_browsing 2026-03-02 browser_download_unallowed 1 medium 56 - level+unallowed_domain+after_hours
OUT
same "risky_browsing: an unallowed download; gambling sites alone stay under min_score" browsing

# Vic reads 3 news pages and downloads 5 files from www.box.com
# (third_party, not unallowed; as unallowed they would score 30 x 2 = 60).
{
	rep 3 web vic@contoso.com 2026-03-02T10 www.example-news.com News
	rep 5 bdl vic@contoso.com 2026-03-02T11 www.box.com
} >"$TMP/browsing-news.jsonl"
score browsing-news risky_browsing
want browsing-news </dev/null
same "risky_browsing: news and a third-party download are quiet" \
    browsing-news

# ---------------------------------------------------------------- custom
# Wanda has 3 "Watchlist hit" custom detections at 10:MM and copies 2
# unlabelled files to USB at 11:MM.
{
	rep 3 detection wanda@contoso.com 2026-03-02T10 "Watchlist hit"
	rep 2 usbcopy wanda@contoso.com 2026-03-02T11
} >"$TMP/custom.jsonl"
score custom custom
# custom n=3, thresholds 1,3,10: level 2, 30 x 2 = 60, medium.
# usb_copy n=2, thresholds 1,10,30: level 1, 40, medium.
want custom <<'OUT'
t-custom custom 2026-03-02 custom 3 medium 60 custom level
t-custom custom 2026-03-02 usb_copy 2 medium 40 custom level
OUT
same "custom: a custom detection triggers" custom

# Xena copies the same 2 files with no detection.
rep 2 usbcopy xena@contoso.com 2026-03-02T11 >"$TMP/custom-none.jsonl"
score custom-none custom
want custom-none </dev/null
same "custom: without a detection is quiet" custom-none

# The same stream, with Xena put on the watch list for 7 days from
# Monday by --start-scoring.
cp "$TMP/custom-none.jsonl" "$TMP/custom-start.jsonl"
printf 'user,start,days\nxena@contoso.com,2026-03-02,7\n' >"$TMP/start.csv"
score custom-start custom --start-scoring "$TMP/start.csv"
# usb_copy n=2: level 1, 40, medium.
want custom-start <<'OUT'
t-custom custom 2026-03-02 usb_copy 2 medium 40 start_scoring level
OUT
same "custom: --start-scoring brings a user into scope" custom-start

done_testing
