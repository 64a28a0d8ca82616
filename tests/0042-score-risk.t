#!/bin/sh
# irm-score's user risk and own baseline on small crafted users
# (irm-score(1) SCORING): several things new for a user after a
# resignation add up to a risk insight, each under every daily threshold;
# a leaver who keeps doing what they always did stays quiet.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
S=$TESTS/data/score/scenario
plan 33

# no_risk DESC POLICY EVENTS: the check that irm-score writes no risk
# insight for EVENTS under POLICY (its output left in $TMP/out).
no_risk() {
	irm-score -s "$S/settings.json" -p "$2" "$3" >"$TMP/out"
	check "$1" test -z "$(jq -r 'select(.irm.insight == "risk") | .event.id' "$TMP/out")"
}

SP=',"url":{"full":"https://contoso.sharepoint.com/sites/x/a.docx","domain":"contoso.sharepoint.com"}'
resign() {
	ev 2026-03-09T08:00:00.000Z "hr-$1" "$1" hr_resignation \
	    ',"hr":{"resignation_date":"2026-03-09T00:00:00.000Z","last_working_date":"2026-03-31T00:00:00.000Z"}'
}
# history USER USB: the 25 weekdays from 2026-02-02 to 2026-03-06, two
# SharePoint downloads a day, and USB copies a day when USB is set.
history() {
	d=0
	while [ $d -lt 33 ]; do
		day=$(date -u -d "2026-02-02 + $d days" +%Y-%m-%d)
		dow=$(date -u -d "$day" +%u)
		d=$((d + 1))
		[ "$dow" -gt 5 ] && continue
		ev "${day}T09:00:00.000Z" "d1-$1-$day" "$1" file_downloaded "" "$SP"
		ev "${day}T09:30:00.000Z" "d2-$1-$day" "$1" file_downloaded "" "$SP"
		k=0
		while [ $k -lt "$2" ]; do
			ev "${day}T10:$(printf %02d $k):00.000Z" "u-$1-$day-$k" "$1" usb_copied "" ',"file":{"name":"build'$k'.zip"}'
			k=$((k + 1))
		done
	done
}

# 1. leaver@ has a quiet history, resigns on Monday 2026-03-09, then
#    copies one labelled file (priority content) to USB media for the
#    first time on Tuesday and uploads one file to Dropbox for the first
#    time on Wednesday: usb_copy 20 and cloud_upload 20 points, each one
#    count under min_score; new for the user, two indicators: risk 40
#    x1.5 trigger = 60, medium.
{
	history leaver@contoso.com 0
	resign leaver@contoso.com
	ev 2026-03-10T11:00:00.000Z n1 leaver@contoso.com usb_copied \
	    ',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"' ',"file":{"name":"plans.xlsx"}'
	ev 2026-03-11T11:00:00.000Z n2 leaver@contoso.com cloud_uploaded "" \
	    ',"file":{"name":"roadmap.pptx"},"url":{"full":"https://www.dropbox.com/up","domain":"dropbox.com"}'
	ev 2026-03-12T09:00:00.000Z n3 leaver@contoso.com file_downloaded "" "$SP"
} | sort >"$TMP/new.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/new.jsonl" >"$TMP/out"
jq -r '[.irm.insight,.irm.day,.irm.score,.irm.severity,
    ([.irm.parts[]|.indicator+"/"+.kind+"/"+(.points|tostring)]|join(","))]|join(" ")' "$TMP/out" >"$TMP/got"
echo "risk 2026-03-11 60 medium usb_copy/new/20,cloud_upload/new/20" >"$TMP/want"
check_same "several new things after a resignation: one risk insight" "$TMP/got" "$TMP/want"
jq -r 'select(.irm.factors[0].points != (.irm.parts|map(.points)|add)) | .event.id' "$TMP/out" >"$TMP/got"
check_same "the risk's points are the sum of its parts" "$TMP/got" /dev/null
cp "$TMP/out" "$TMP/out1"
# The same two new channels for ordinary files in working hours (a
# quiet leaver's first USB copy and upload, irm-gen's look-alike): nothing
# points at theft, no risk (60 before).
sed 's/,"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"//' "$TMP/new.jsonl" >"$TMP/plain.jsonl"
no_risk "the same with ordinary files: no risk" "$S/departing.json" "$TMP/plain.jsonl"
cp "$TMP/out1" "$TMP/out"
jq -r '(.irm.factors[0].points * (.irm.factors[1:]|map(.x)|reduce .[] as $x (1; . * $x)) + 0.5 | floor) as $s |
    select(([100, $s]|min) != .irm.score) | .event.id' "$TMP/out" >"$TMP/got"
check_same "the risk's score recomputes from its factors" "$TMP/got" /dev/null

# 1b. The same two new things after a security alert (a trigger that is
#    no reason of its own) are too few: a risk needs three indicators
#    then (two only after a resignation or a deleted account).
printf '{"name": "alerted", "template": "data_theft_departing", "triggers": ["security_alert"]}\n' >"$TMP/alerted.json"
sed -n '/"hr_resignation"/!p' "$TMP/new.jsonl" >"$TMP/alert.jsonl"
ev 2026-03-09T08:00:00.000Z sa-1 leaver@contoso.com security_alert ',"alert":{"severity":"high"}' >>"$TMP/alert.jsonl"
sort -o "$TMP/alert.jsonl" "$TMP/alert.jsonl"
no_risk "two new things after a security alert: no risk insight" "$TMP/alerted.json" "$TMP/alert.jsonl"

# 1d. After a poor review the user stays, and two new things are the new
#    work as often as not: the same two, no risk; a third new thing (a
#    first share with a personal address) makes one: (20 + 20 + 20) x 1.5
#    = 90 (make eval: 8 of 34 false alerts were two new channels after a
#    poor review or a demotion).
printf '{"name": "reviewed", "template": "data_leaks_risky_users"}\n' >"$TMP/reviewed.json"
sed -n '/"hr_resignation"/!p' "$TMP/new.jsonl" >"$TMP/review.jsonl"
ev 2026-03-09T08:00:00.000Z hr-r leaver@contoso.com hr_review ',"hr":{"rating":"2 - below expectations"}' >>"$TMP/review.jsonl"
sort -o "$TMP/review.jsonl" "$TMP/review.jsonl"
no_risk "two new things after a poor review: no risk insight" "$TMP/reviewed.json" "$TMP/review.jsonl"
ev 2026-03-12T11:00:00.000Z n4 leaver@contoso.com shared \
    ',"share":{"scope":"external","target":"leaver_gmail.com#ext#@contoso.onmicrosoft.com"}' ',"file":{"name":"q.xlsx"}' >>"$TMP/review.jsonl"
sort -o "$TMP/review.jsonl" "$TMP/review.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/reviewed.json" "$TMP/review.jsonl" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, ([.irm.parts[]|.indicator]|join(","))]|join(" ")' "$TMP/out" | tail -n 1 >"$TMP/got"
echo "2026-03-12 90 usb_copy,cloud_upload,file_shared_external" >"$TMP/want"
check_same "... a third one makes a risk" "$TMP/got" "$TMP/want"

# 1c. stager@, with the same quiet history, resigns, archives files for
#    the first time (file_archived: staging) and uploads one to Dropbox
#    for the first time: two new things, but staging is the routine of
#    work, not an indicator of its own: one indicator, no risk (a risk of
#    (10 + 20) x 1.5 = 45 before).
{
	history stager@contoso.com 0
	resign stager@contoso.com
	k=0
	while [ $k -lt 3 ]; do
		ev "2026-03-10T11:0$k:00.000Z" "z$k" stager@contoso.com file_archived "" ',"file":{"name":"a'$k'.zip"}'
		k=$((k + 1))
	done
	ev 2026-03-11T11:00:00.000Z z9 stager@contoso.com cloud_uploaded "" \
	    ',"file":{"name":"a0.zip"},"url":{"full":"https://www.dropbox.com/up","domain":"dropbox.com"}'
} | sort >"$TMP/stager.jsonl"
no_risk "staging and one upload after a resignation: no risk insight" "$S/departing.json" "$TMP/stager.jsonl"

# 1e. CERT's sabotage: an administrator with a quiet history resigns,
#    fetches a keylogger (an UnwantedSoftware alert) and mails all staff
#    as the supervisor (email.from the supervisor: email_as_other, 25):
#    two new things for a leaver, (25 + 25) x 1.5 = 75, high; the
#    administrator's own mail (email.from the user) is no such thing.
printf '{"name": "sec", "template": "security_violations_departing"}\n' >"$TMP/sec.json"
{
	history admin@contoso.com 0
	resign admin@contoso.com
	ev 2026-03-10T14:00:00.000Z s1 admin@contoso.com security_alert ',"alert_category":"UnwantedSoftware"'
	ev 2026-03-11T09:00:00.000Z s2 admin@contoso.com email_sent "" ',"email":{"from":{"address":["admin@contoso.com"]},"to":{"address":["bob@contoso.com"]}}'
	ev 2026-03-11T21:00:00.000Z s3 admin@contoso.com email_sent "" ',"email":{"from":{"address":["boss@contoso.com"]},"subject":"To all staff"}'
} | sort >"$TMP/sab.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/sec.json" "$TMP/sab.jsonl" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, ([.irm.parts[]|.indicator]|join(","))]|join(" ")' "$TMP/out" >"$TMP/got"
echo "2026-03-11 75 unwanted_software,email_as_other" >"$TMP/want"
check_same "a keylogger and mail as the supervisor after a resignation: a high risk" "$TMP/got" "$TMP/want"
# A low or informational detection (adware, a PUA blocked on the spot)
# is Defender's hygiene: no unwanted_software, no part, one new thing, no
# risk (75 before); at medium severity it counts as before.
for sev in low informational medium; do
	sed 's/"alert_category":"UnwantedSoftware"/&,"severity":"'$sev'"/' "$TMP/sab.jsonl" |
	    irm-score -s "$S/settings.json" -p "$TMP/sec.json" |
	    jq -r --arg s $sev 'select(.irm.insight == "risk") | [$s, .irm.score]|join(" ")'
done >"$TMP/got"
echo "medium 75" >"$TMP/want"
check_same "a low or informational unwanted-software alert is no part" "$TMP/got" "$TMP/want"
sed -n '/"s3"/!p' "$TMP/sab.jsonl" >"$TMP/own.jsonl"
no_risk "the user's own mail is not mail as another: no risk" "$TMP/sec.json" "$TMP/own.jsonl"

# 1f. In scope by a data leak first: leaker@, with the quiet history,
#    copies a file to USB media for the first time on Tuesday (the
#    exfiltration trigger of data_leaks), uploads one to Dropbox on
#    Wednesday and shares one with a gmail.com guest (unallowed) on
#    Thursday, when a DLP rule matches at high severity.  The DLP match is
#    a trigger other than exfiltration, and names the risk: three new
#    things, (20 + 20 + 20) x 1.5 = 90 (before, none: the exfiltration
#    came first, and a user in scope by exfiltration has no risk).
printf '{"name": "leaks", "template": "data_leaks"}\n' >"$TMP/leaks.json"
# leak USER GUEST: the story above, the share with GUEST.
leak() {
	history "$1" 0
	ev 2026-03-10T11:00:00.000Z "$1-n1" "$1" usb_copied "" ',"file":{"name":"plans.xlsx"}'
	ev 2026-03-11T11:00:00.000Z "$1-n2" "$1" cloud_uploaded "" \
	    ',"file":{"name":"roadmap.pptx"},"url":{"full":"https://www.dropbox.com/up","domain":"dropbox.com"}'
	ev 2026-03-12T11:00:00.000Z "$1-n3" "$1" shared \
	    ',"share":{"scope":"external","target":"'"$2"'#ext#@contoso.onmicrosoft.com"}' ',"file":{"name":"q.xlsx"}'
	ev 2026-03-12T11:05:00.000Z "$1-dlp" "$1" dlp_matched ',"severity":"high"'
}
leak leaker@contoso.com leaker_gmail.com | sort >"$TMP/leak.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/leaks.json" "$TMP/leak.jsonl" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.trigger.activity,
    ([.irm.parts[]|.indicator]|join(","))]|join(" ")' "$TMP/out" >"$TMP/got"
echo "2026-03-12 90 dlp_matched usb_copy,cloud_upload,file_shared_external" >"$TMP/want"
check_same "in scope by exfiltration, then a DLP match: a risk, named by the match" "$TMP/got" "$TMP/want"

# 1g. The same with the share to a customer (external, not unallowed)
#    and no priority content: three new channels for ordinary files after
#    a DLP match are a new job as often as a leak, no risk (90 before).
#    A security policy has no data to point at: its three new things
#    after a security alert still make one (1h).
leak other@contoso.com bob_fabrikam.com | sort >"$TMP/leak2.jsonl"
no_risk "the same to a customer, ordinary files: no risk" "$TMP/leaks.json" "$TMP/leak2.jsonl"
# Reading priority files for the first time that week (12, a part of
# their own) points at nothing leaving: collection and staging add
# points, but the data that left must be priority content (a risk of
# 98, high, before: a salesperson under the default templates whose DLP
# matches are daily, with a first USB copy and a first Box upload of
# ordinary files in the week her priority reads rose; irm-gen -u 200
# -d 30 -s 214).
{
	leak reader@contoso.com bob_fabrikam.com
	k=10
	while [ $k -lt 22 ]; do
		ev "2026-03-11T14:$k:00.000Z" "reader-r$k" reader@contoso.com file_accessed \
		    ',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"' ',"file":{"name":"board'$k'.docx"}'
		k=$((k + 1))
	done
} | sort >"$TMP/leak3.jsonl"
no_risk "priority files read, ordinary files out: no risk" "$TMP/leaks.json" "$TMP/leak3.jsonl"
{
	history sec@contoso.com 0
	ev 2026-03-09T08:00:00.000Z sa sec@contoso.com security_alert ',"alert_category":"UnwantedSoftware"'
	ev 2026-03-10T21:00:00.000Z sb sec@contoso.com logon
	ev 2026-03-11T09:00:00.000Z sc sec@contoso.com usb_mounted
	ev 2026-03-11T21:00:00.000Z sd sec@contoso.com email_sent "" ',"email":{"from":{"address":["boss@contoso.com"]}}'
} | sort >"$TMP/sec.jsonl"
printf '{"name": "secv", "template": "security_violations"}\n' >"$TMP/secv.json"
irm-score -s "$S/settings.json" -p "$TMP/secv.json" "$TMP/sec.jsonl" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | ([.irm.parts[]|.indicator]|sort|join(","))' "$TMP/out" | tail -n 1 >"$TMP/got"
echo "after_hours_logon,email_as_other,unwanted_software,usb_mount" >"$TMP/want"
check_same "a security policy: new things after an alert make a risk without data" "$TMP/got" "$TMP/want"

# 2. steady@ copies 12 build artefacts to USB media every weekday, and
#    goes on after resigning: usb_copy 12/day is level 2, 40 points, but
#    at most 2 x the user's own mean (usual_for_user x0.5): 20, nothing.
#    Nothing is new either: no risk.
{
	history steady@contoso.com 12
	resign steady@contoso.com
	for day in 2026-03-10 2026-03-11 2026-03-12; do
		k=0
		while [ $k -lt 12 ]; do
			ev "${day}T10:$(printf %02d $k):00.000Z" "u-s-$day-$k" steady@contoso.com usb_copied "" ',"file":{"name":"build'$k'.zip"}'
			k=$((k + 1))
		done
	done
} | sort >"$TMP/steady.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/steady.jsonl" >"$TMP/out"
check "a quiet leaver who keeps copying as always: no insight after the resignation" \
    test -z "$(jq -r 'select(.irm.day >= "2026-03-09") | .event.id' "$TMP/out")"

# 3. The same user with no history at all is scored on the count alone:
#    one copy a day is under min_score, and nothing is new without a
#    past (not even the 7 active days a leaver needs): no risk insight.
{
	resign fresh@contoso.com
	ev 2026-03-10T11:00:00.000Z f1 fresh@contoso.com usb_copied "" ',"file":{"name":"plans.xlsx"}'
	ev 2026-03-11T11:00:00.000Z f2 fresh@contoso.com cloud_uploaded "" \
	    ',"file":{"name":"roadmap.pptx"},"url":{"full":"https://www.dropbox.com/up","domain":"dropbox.com"}'
} | sort >"$TMP/fresh.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/fresh.jsonl" >"$TMP/out"
check "a new hire's first things are not new: no risk" test ! -s "$TMP/out"

# 4. CERT-like departing evasion: badge@ swipes in every weekday of a quiet
#    history and resigns, last working day Friday 2026-03-13; a Defender
#    alert of defense evasion on Thursday, then a swipe on Monday after
#    the last day: two new things for a leaver in a security policy,
#    (30 + 30) x 1.5 = 90.  Before, the swipes of the history counted as
#    badge_after_termination already had, and there was no risk.
{
	history badge@contoso.com 0 | sed 's/"activity":"file_downloaded"}/"activity":"badge_access","asset":"HQ-1"}/'
	ev 2026-03-09T08:00:00.000Z hr-badge badge@contoso.com hr_resignation \
	    ',"hr":{"resignation_date":"2026-03-09T00:00:00.000Z","last_working_date":"2026-03-13T00:00:00.000Z"}'
	ev 2026-03-12T14:00:00.000Z de badge@contoso.com security_alert ',"alert_category":"DefenseEvasion"'
	ev 2026-03-16T08:00:00.000Z sw badge@contoso.com badge_access ',"asset":"HQ-1"'
} | sort >"$TMP/badge.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/sec.json" "$TMP/badge.jsonl" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, ([.irm.parts[]|.indicator]|join(","))]|join(" ")' "$TMP/out" >"$TMP/got"
echo "2026-03-16 90 defense_evasion,badge_after_termination" >"$TMP/want"
check_same "a swipe after the last day is new for a user who swiped every day before" "$TMP/got" "$TMP/want"
# The same leaver's only later swipe at 00:30 the night after the last
# day, leaving late: not after termination, no badge insight, no risk.
sed 's/2026-03-16T08:00:00.000Z/2026-03-14T00:30:00.000Z/' "$TMP/badge.jsonl" | sort >"$TMP/late.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/sec.json" "$TMP/late.jsonl" >"$TMP/out"
check "a swipe the night after the last day, out of hours: not after termination" \
    test -z "$(jq -r 'select(.irm.insight == "risk" or .irm.indicator == "badge_after_termination") | .event.id' "$TMP/out")"

# 5. A late trigger: leaver@'s first USB copy of a labelled file and
#    first Dropbox upload of case 1, but the resignation comes two weeks
#    after them and nothing in between.  The window takes in the two days
#    (90 days before); the risk is added up when the trigger arrives, as
#    of the last final day: 60, medium, dated 2026-03-11.  Before, it was
#    added up only on a later active day (the resignation's own), where
#    parts two weeks old were halved twice and no longer counted: no risk.
{
	sed -e '/"hr_resignation"/d' -e '/"id":"n3"/d' "$TMP/new.jsonl"
	ev 2026-03-27T08:00:00.000Z hr-late leaver@contoso.com hr_resignation \
	    ',"hr":{"resignation_date":"2026-03-27T00:00:00.000Z","last_working_date":"2026-03-27T00:00:00.000Z"}'
} | sort >"$TMP/later.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/later.jsonl" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.severity, .irm.trigger.activity]|join(" ")' "$TMP/out" >"$TMP/got"
echo "2026-03-11 60 medium hr_resignation" >"$TMP/want"
check_same "a resignation two weeks after the last activity: the risk as of then" "$TMP/got" "$TMP/want"
# 5b. One ordinary file to the user's own account points at the data
#    only after the trigger.  gm@ has the quiet history, copies one
#    ordinary file to USB media for the first time on 2026-03-10 and
#    uploads one to her Gmail drive (an unallowed domain) on 03-11.  When
#    she resigns on 03-09, before them: a risk of (20 + 20) x 1.5 = 60.
#    When she resigns on 03-27, the look-back brings them into scope,
#    where one file of her own is her business as often as not: no risk
#    (60 before the rule: irm-gen -u 200 -d 60 -s 3 --personal 10, the
#    last false alert of make eval).
gm() { # RESIGNATION-DAY
	history gm@contoso.com 0
	ev "${1}T08:00:00.000Z" hr-gm gm@contoso.com hr_resignation \
	    ',"hr":{"resignation_date":"'"$1"'T00:00:00.000Z","last_working_date":"'"$1"'T00:00:00.000Z"}'
	ev 2026-03-10T11:00:00.000Z gm1 gm@contoso.com usb_copied "" ',"file":{"name":"notes.docx"}'
	ev 2026-03-11T11:00:00.000Z gm2 gm@contoso.com cloud_uploaded "" \
	    ',"file":{"name":"cv.docx"},"url":{"full":"https://drive.gmail.com/up","domain":"gmail.com"}'
}
for day in 2026-03-09 2026-03-27; do
	gm $day | sort | irm-score -s "$S/settings.json" -p "$S/departing.json" |
	    jq -r --arg d $day 'select(.irm.insight == "risk") | [$d, .irm.score] | join(" ")' | head -n 1
done >"$TMP/got"
echo "2026-03-09 60" >"$TMP/want"
check_same "one file to the user's own account points after the trigger, not before" "$TMP/got" "$TMP/want"

# 6. One mail is one thing done: mailer@, with the quiet history,
#    resigns and mails one ordinary file to her own Gmail.  The mail
#    matches three indicators (an outside recipient with an attachment,
#    an unallowed domain, her own name), one channel: one part, the
#    strongest, and a leaver's risk needs two; no risk (three parts and
#    (20 + 25 + 25) x 1.5 = 100 before: with irm-gen --personal 10 on
#    make eval's seeds, the high alerts of 0.9% of the users without a
#    scenario).  A first USB copy the next day is a second channel:
#    (25 + 20) x 1.5 = 68 (67.5), high.
{
	history mailer@contoso.com 0
	resign mailer@contoso.com
	ev 2026-03-10T11:00:00.000Z m1 mailer@contoso.com email_sent ',"attachments":1' \
	    ',"email":{"to":{"address":["mailer.home@gmail.com"]}}'
} | sort >"$TMP/mail.jsonl"
no_risk "one mail home after a resignation is one part: no risk" "$S/departing.json" "$TMP/mail.jsonl"
ev 2026-03-11T11:00:00.000Z m2 mailer@contoso.com usb_copied "" ',"file":{"name":"plans.xlsx"}' >>"$TMP/mail.jsonl"
sort -o "$TMP/mail.jsonl" "$TMP/mail.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/mail.jsonl" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.severity,
    ([.irm.parts[]|.indicator+"/"+(.points|tostring)]|join(","))]|join(" ")' "$TMP/out" >"$TMP/got"
echo "2026-03-11 68 high email_personal_domain/25,usb_copy/20" >"$TMP/want"
check_same "... and a first USB copy the next day is a second channel" "$TMP/got" "$TMP/want"
# 7. A deleted account is a late trigger too, and the days between count
#    as well.  gone@ has the quiet history, copies one ordinary file to
#    USB media for the first time on 2026-03-10, uploads one to her Gmail
#    drive (an unallowed domain) on 03-11 and two on 03-12, downloads as always until 03-24, and her
#    account is deleted on 03-26.  The risk is added up as of each day the
#    deletion brings into scope: on 03-12, (20 + 20) x 1.5 = 60, medium
#    (the look-back's one file on 03-11 points, for the channel took two
#    more the next day).  Before, only as of 03-24, the last final day,
#    where both parts were halved twice: no risk (irm-gen -u 200 -d 60 -s
#    41 without HR rows: imani.carter@, a thin multi-channel leaver).
# up DAY K: gone@'s upload of fK.docx to her Gmail drive at 11:0K.
up() {
	ev "${1}T11:0$2:00.000Z" "g2-$2" gone@contoso.com cloud_uploaded "" \
	    ',"file":{"name":"f'"$2"'.docx"},"url":{"full":"https://drive.gmail.com/up","domain":"gmail.com"}'
}
gone() { # UPLOADS-ON-03-12
	history gone@contoso.com 0
	ev 2026-03-10T11:00:00.000Z g1 gone@contoso.com usb_copied "" ',"file":{"name":"notes.docx"}'
	up 2026-03-11 0
	k=1
	while [ $k -le "$1" ]; do
		up 2026-03-12 $k
		k=$((k + 1))
	done
	for day in 2026-03-13 2026-03-16 2026-03-17 2026-03-18 2026-03-19 2026-03-20 2026-03-23 2026-03-24; do
		ev "${day}T09:00:00.000Z" "gd-$day" gone@contoso.com file_downloaded "" "$SP"
	done
	printf '{"@timestamp":"2026-03-26T08:00:00.000Z","event":{"id":"del-gone","action":"Delete user."},"user":{"name":"admin@contoso.com","target":{"name":"gone@contoso.com"}},"irm":{"activity":"account_deleted"}}\n'
}
gone 2 | sort | irm-score -s "$S/settings.json" -p "$S/departing.json" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.severity, .irm.trigger.activity]|join(" ")' "$TMP/out" >"$TMP/got"
echo "2026-03-12 60 medium account_deleted" >"$TMP/want"
check_same "a deleted account: the risk as of the days it brings into scope" "$TMP/got" "$TMP/want"
# One file a day to her Gmail drive on both days is one file of her own
# each time, which points only after the trigger (5b): no risk.
gone 1 | sort >"$TMP/gone1.jsonl"
no_risk "... with one file a day to her own account: no risk" "$S/departing.json" "$TMP/gone1.jsonl"
# The same when she resigns on 03-16 instead, an HR row on the day: the
# look-back's one file on 03-11 points, for the channel took two more the
# next day (before, one file counted alone: no risk).
{
	gone 2 | sed '/del-gone/d'
	ev 2026-03-16T08:00:00.000Z hr-gone gone@contoso.com hr_resignation \
	    ',"hr":{"resignation_date":"2026-03-16T00:00:00.000Z","last_working_date":"2026-03-27T00:00:00.000Z"}'
} | sort | irm-score -s "$S/settings.json" -p "$S/departing.json" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.severity, .irm.trigger.activity]|join(" ")' "$TMP/out" >"$TMP/got"
echo "2026-03-12 60 medium hr_resignation" >"$TMP/want"
check_same "a channel taken up with one file and used again with two points" "$TMP/got" "$TMP/want"
# 8. After a poor review the user stays: one ordinary file to her own
#    Gmail drive and one mail to her own Gmail are what she did before
#    it as often as not, and point at nothing, as before a resignation
#    (5b).  rv@ has the quiet history, a poor review on 2026-03-09, then
#    a first USB copy, a first upload to her Gmail drive and a first mail
#    home, one ordinary file each: three new things, nothing pointing, no
#    risk (98 before: irm-gen -u 400 -d 60 -s 14 --personal 20, a systems
#    administrator's high alert).
{
	history rv@contoso.com 0
	ev 2026-03-09T08:00:00.000Z hr-rv rv@contoso.com hr_review ',"hr":{"rating":"2 - below expectations"}'
	ev 2026-03-10T11:00:00.000Z rv1 rv@contoso.com usb_copied "" ',"file":{"name":"notes.docx"}'
	ev 2026-03-11T11:00:00.000Z rv2 rv@contoso.com cloud_uploaded "" \
	    ',"file":{"name":"cv.docx"},"url":{"full":"https://drive.gmail.com/up","domain":"gmail.com"}'
	ev 2026-03-12T11:00:00.000Z rv3 rv@contoso.com email_sent ',"attachments":1' \
	    ',"email":{"to":{"address":["rv.home@gmail.com"]}}'
} | sort >"$TMP/rv.jsonl"
no_risk "after a poor review, one file of her own on each of three channels: no risk" "$TMP/reviewed.json" "$TMP/rv.jsonl"
# The same after a DLP match of high severity names the data: a risk.
sed 's/"hr_review","hr":{"rating":"2 - below expectations"}/"dlp_matched","severity":"high"/' "$TMP/rv.jsonl" >"$TMP/rvd.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/leaks.json" "$TMP/rvd.jsonl" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.trigger.activity] | join(" ")' "$TMP/out" | head -n 1 >"$TMP/got"
echo "2026-03-12 98 dlp_matched" >"$TMP/want"
check_same "... after a high DLP match the same three are a risk" "$TMP/got" "$TMP/want"

# 9. A DLP match of the organization's own mail to a customer is a
#    salesperson's daily work: after it, one ordinary file to an
#    unallowed domain points at nothing, as after a poor review (a risk
#    of 98 before: irm-gen -u 300 -d 60 -s 5 --personal 30, a
#    salesperson's high DLP match of a mail to a customer, then a first
#    upload to Dropbox and a first mail home of one file each and a first
#    anonymous link, three weeks later).  The same match of a mail to an
#    unallowed domain names the data: it is a new thing of priority
#    content itself, and with the first USB copy and upload a risk of
#    (25 + 20 + 20) x 1.5 = 98.
# dlp_to ADDRESS: sr@ mails a file to a customer every weekday of
# February, then rv@'s three things after a high DLP match of a mail to
# ADDRESS.
dlp_to() {
	history sr@contoso.com 0
	for d in 02 03 04 05 06 09 10 11 12 13 16 17 18 19 20 23 24 25 26 27; do
		ev "2026-02-${d}T14:00:00.000Z" "m-$d" sr@contoso.com email_sent \
		    ',"attachments":1' ',"email":{"to":{"address":["bob@fabrikam.com"]}}'
	done
	ev 2026-03-09T08:00:00.000Z dlp-sr sr@contoso.com dlp_matched ',"severity":"high"' \
	    ',"email":{"to":{"address":["'"$1"'"]}}'
	sed -n '/"hr_review"/!s/"rv@contoso.com"/"sr@contoso.com"/p' "$TMP/rv.jsonl" |
	    grep -v '"d[12]-rv@'
}
dlp_to bob@fabrikam.com | sort >"$TMP/sr.jsonl"
no_risk "after a high DLP match of mail to a customer, one file of her own on each of three channels: no risk" \
    "$TMP/leaks.json" "$TMP/sr.jsonl"
# A run with --state keeps what the match was: the same events in two
# runs, the match in the first.
rm -f "$TMP/sr.state"
awk '$0 < "{\"@timestamp\":\"2026-03-10"' "$TMP/sr.jsonl" >"$TMP/sr1.jsonl"
awk '$0 >= "{\"@timestamp\":\"2026-03-10"' "$TMP/sr.jsonl" >"$TMP/sr2.jsonl"
{
	irm-score -s "$S/settings.json" -p "$TMP/leaks.json" --state "$TMP/sr.state" "$TMP/sr1.jsonl"
	irm-score -s "$S/settings.json" -p "$TMP/leaks.json" --state "$TMP/sr.state" --final "$TMP/sr2.jsonl"
} >"$TMP/out"
check "... and in two runs with --state, the match in the first: no risk" \
    test -s "$TMP/sr2.jsonl" -a -z "$(jq -r 'select(.irm.insight == "risk") | .event.id' "$TMP/out")"
dlp_to sr.home@gmail.com | sort >"$TMP/srg.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/leaks.json" "$TMP/srg.jsonl" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.trigger.activity] | join(" ")' "$TMP/out" | tail -n 1 >"$TMP/got"
echo "2026-03-11 98 dlp_matched" >"$TMP/want"
check_same "... of mail to an unallowed domain: a risk" "$TMP/got" "$TMP/want"
# A free mail service for persons is no business recipient, in the
# settings' unallowed domains or not: a match of mail to her own Hotmail
# names the data as the Gmail one does (before, no risk: any recipient
# outside the unallowed domains made the match business mail).
dlp_to sr.home@hotmail.com | sort >"$TMP/srh.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/leaks.json" "$TMP/srh.jsonl" >"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.trigger.activity] | join(" ")' "$TMP/out" | tail -n 1 >"$TMP/got"
echo "2026-03-12 98 dlp_matched" >"$TMP/want"
check_same "... of mail to a free mail service: a risk" "$TMP/got" "$TMP/want"

# 10. A DLP match of business mail is no reason for user risk at all: the
#    policy's daily counts still have the user in scope, but what is new
#    for the salesperson after it is not added up, even when it points at
#    priority content (before, a risk of 98 here, and on irm-gen -u 200
#    -d 60 -s 103 --personal 10 a high alert of 75 for a saleswoman whose
#    mail to customers DLP matches on most days: her first anonymous link
#    of a Highly Confidential file, a rise of deletions and a first
#    upload to Dropbox of a file of her own).  sr@'s first USB copy is a
#    first anonymous link of a labelled file here.
LBL='"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"'
{
	grep -v '"id":"rv1"' "$TMP/sr.jsonl"
	ev 2026-03-10T11:00:00.000Z rv1 sr@contoso.com shared ',"share":{"scope":"anonymous"},'"$LBL" \
	    ',"file":{"name":"notes.docx"}'
} | sort >"$TMP/srl.jsonl"
no_risk "after a high DLP match of mail to a customer, a labelled file among three new things: no risk" \
    "$TMP/leaks.json" "$TMP/srl.jsonl"
done_testing
