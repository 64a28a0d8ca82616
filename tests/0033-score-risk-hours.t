#!/bin/sh
# irm-score's user risk on a short history and at new hours (irm-score(1)
# User risk): data that starts a week and a half before the leaver's
# first steps (the three weeks of a CERT extract) is history enough for
# user risk, not for a first time to corroborate a count on its own; and
# exfiltration at hours a day worker never works is a part of its own,
# unless the channel is the user's routine or the user works at night
# (an early shift's own hours start nothing).
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
S=$TESTS/data/score/scenario
plan 26

DROPBOX=',"url":{"full":"https://www.dropbox.com/up","domain":"dropbox.com"}'
# history USER DAYS HOUR [USB]: weekdays (tests/lib.sh) from 2026-02-23;
# working hours are 07:00 to 19:00.
history() {
	weekdays "$1" 2026-02-23 "$2" "$3" "${4:-}"
}
resign() {
	ev 2026-03-09T08:00:00.000Z "hr-$1" "$1" hr_resignation \
	    ',"hr":{"resignation_date":"2026-03-09T00:00:00.000Z","last_working_date":"2026-03-31T00:00:00.000Z"}'
}
# risk FILE POLICY: the risk insights of FILE, a line each: day, score,
# indicator/kind/points of the parts.
risk() {
	irm-score -s "$S/settings.json" -p "$2" "$1" >"$TMP/out"
	jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score,
	    ([.irm.parts[]|.indicator+"/"+.kind+"/"+(.points|tostring)]|join(","))]|join(" ")' "$TMP/out"
}

# 1. short@ has 10 active days before resigning on Monday 2026-03-09
#    (data from 2026-02-23), copies a labelled file to USB media for the
#    first time on Tuesday and uploads one to Dropbox for the first time
#    on Wednesday, both in working hours: two new things for a leaver,
#    (20 + 20) x 1.5 = 60.  Before, user risk wanted 14 active days.
{
	history short@contoso.com 14 09
	resign short@contoso.com
	ev 2026-03-10T11:00:00.000Z n1 short@contoso.com usb_copied \
	    ',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"' ',"file":{"name":"plans.xlsx"}'
	ev 2026-03-11T11:00:00.000Z n2 short@contoso.com cloud_uploaded "" ',"file":{"name":"roadmap.pptx"}'"$DROPBOX"
} | sort >"$TMP/short.jsonl"
risk "$TMP/short.jsonl" "$S/departing.json" >"$TMP/got"
echo "2026-03-11 60 usb_copy/new/20,cloud_upload/new/20" >"$TMP/want"
check_same "10 active days of history: two new things after a resignation make a risk" "$TMP/got" "$TMP/want"

# 2. A first time on 10 active days does not corroborate a count on its
#    own: in a data_leaks policy, prio@'s first two USB copies are 20 x0.5
#    (uncorroborated) = 10; with 20 active days the first time
#    corroborates: 20.  (One copy of one priority file, 30 then, is one
#    event: no first time corroborates it; tests/0043.)
printf '{"name": "leaks", "template": "data_leaks", "alert": {"min_score": 1}}\n' >"$TMP/leaks.json"
# first_copy DAYS: the first two USB copies after DAYS days of history.
first_copy() {
	{
		history prio@contoso.com "$1" 09
		ev 2026-03-24T11:00:00.000Z p1 prio@contoso.com usb_copied "" \
		    ',"file":{"name":"board.pptx"}'
		ev 2026-03-24T11:05:00.000Z p2 prio@contoso.com usb_copied "" \
		    ',"file":{"name":"plan.xlsx"}'
	} | sort >"$TMP/prio.jsonl"
	irm-score -s "$S/settings.json" -p "$TMP/leaks.json" "$TMP/prio.jsonl" |
	    jq -r 'select(.irm.indicator == "usb_copy") | "\(.irm.score) \([.irm.factors[].name]|join(","))"'
}
first_copy 14 >"$TMP/got"
echo "10 level,uncorroborated" >"$TMP/want"
check_same "a first time on 10 active days does not corroborate" "$TMP/got" "$TMP/want"
first_copy 28 >"$TMP/got"
echo "20 level" >"$TMP/want"
check_same "... on 20 active days it does" "$TMP/got" "$TMP/want"

# 3. CERT's leaker: day@ never works after hours, resigns, then copies
#    files to USB media for the first time on two nights: the new channel
#    (20) and the new hours (half the indicator's weight, 10) are two
#    parts, (20 + 10) x 1.5 = 45 on the second night.  Before, one part
#    and no risk.  One such night alone is life (a quiet leaver's late
#    upload): no hours part, no risk.
# nights USER HOUR [USB] [ONE]: USER's 20 active days of history at HOUR
# (USB: with a USB copy a day), the resignation, then USB copies at night
# on 2026-03-10 and, unless ONE is set, 2026-03-12; sorted on stdout.
nights() {
	{
		history "$1" 28 "$2" "${3:-}"
		resign "$1"
		ev 2026-03-10T22:00:00.000Z "$1-h1" "$1" usb_copied "" ',"file":{"name":"plans.xlsx"}'
		ev 2026-03-10T22:05:00.000Z "$1-h2" "$1" usb_copied "" ',"file":{"name":"specs.docx"}'
		[ -n "${4:-}" ] ||
			ev 2026-03-12T21:30:00.000Z "$1-h3" "$1" usb_copied "" ',"file":{"name":"costs.xlsx"}'
	} | sort
}
nights day@contoso.com 09 "" one >"$TMP/day1.jsonl"
risk "$TMP/day1.jsonl" "$S/departing.json" >"$TMP/got"
check_same "a first USB copy on one night by a day worker after resigning: no risk" "$TMP/got" /dev/null
nights day@contoso.com 09 >"$TMP/day.jsonl"
risk "$TMP/day.jsonl" "$S/departing.json" >"$TMP/got"
echo "2026-03-12 45 usb_copy/new/20,usb_copy/hours/10" >"$TMP/want"
check_same "... on two nights: new channel and new hours make a risk" "$TMP/got" "$TMP/want"
jq -r '(.irm.factors[0].points * (.irm.factors[1:]|map(.x)|reduce .[] as $x (1; . * $x)) + 0.5 | floor) as $s |
    select(.irm.factors[0].points != (.irm.parts|map(.points)|add) or ([100, $s]|min) != .irm.score) | .event.id' "$TMP/out" >"$TMP/got"
check_same "the risk recomputes from its parts and factors" "$TMP/got" /dev/null

# 4. The same two nights of copies by a user who copies to USB media
#    every day: the routine channel at a late hour is no part; with one
#    new upload, one part: no risk.
{
	nights usb@contoso.com 09 usb
	ev 2026-03-11T11:00:00.000Z r2 usb@contoso.com cloud_uploaded "" ',"file":{"name":"roadmap.pptx"}'"$DROPBOX"
} | sort >"$TMP/usb.jsonl"
risk "$TMP/usb.jsonl" "$S/departing.json" >"$TMP/got"
check_same "the routine channel at night and one new upload: no risk" "$TMP/got" /dev/null

# 5. A night worker (every download at 21:00) copying to USB media for
#    the first time on two nights: new channel, but the hour is the
#    user's own: one part, no risk.
nights night@contoso.com 21 >"$TMP/night.jsonl"
risk "$TMP/night.jsonl" "$S/departing.json" >"$TMP/got"
check_same "a night worker's first USB copy at night: no hours part, no risk" "$TMP/got" /dev/null

# 6. The marks survive --state: the events to 2026-03-10 in one run (the
#    first night final in it), the rest in the next, give the same risk.
# two_runs FILE DAY: FILE's events before DAY in one run, the rest in the
# next, carried by --state; the insights of both into $TMP/out.
two_runs() {
	awk -v d="{\"@timestamp\":\"$2" '$0 < d' "$1" >"$TMP/part1.jsonl"
	awk -v d="{\"@timestamp\":\"$2" '$0 >= d' "$1" >"$TMP/part2.jsonl"
	rm -f "$TMP/state"
	irm-score -s "$S/settings.json" -p "$S/departing.json" --state "$TMP/state" \
	    --lag 0 --now "${2}T00:00:00Z" "$TMP/part1.jsonl" >"$TMP/out"
	irm-score -s "$S/settings.json" -p "$S/departing.json" --state "$TMP/state" \
	    --lag 0 --final "$TMP/part2.jsonl" >>"$TMP/out"
}
two_runs "$TMP/day.jsonl" 2026-03-11
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score,
    ([.irm.parts[]|.indicator+"/"+.kind+"/"+(.points|tostring)]|join(","))]|join(" ")' "$TMP/out" >"$TMP/got"
echo "2026-03-12 45 usb_copy/new/20,usb_copy/hours/10" >"$TMP/want"
check_same "the same nights in two runs with --state: the same risk" "$TMP/got" "$TMP/want"

# 7. Without a resignation or any other trigger, in a data_leaks policy,
#    whose triggers include the user's own exfiltration: a day worker's
#    first USB copies on three nights and first upload to Dropbox are two
#    new channels and the new hours; the USB channel, used on the three
#    nights since it was new, is repeated (case 9): (30 + 20 + 10) x 1.5
#    = 90 (75 before that rule), and the
#    trigger is the exfiltration; so on 10 active days of history (a
#    three-week extract), as for a leaver.  A CERT extract that tells no
#    departure had no alert for its leakers before.  Two nights, as
#    after a resignation (case 3), are a salesperson's week as often as
#    a theft: no risk on the user's own exfiltration, priority content
#    or not.
printf '{"name": "leaks", "template": "data_leaks"}\n' >"$TMP/leaks0.json"
# quiet USER DAYS NIGHTS: USER's DAYS days of history from 2026-02-23 at
# 09:00, then USB copies on NIGHTS (10 12 13: 2026-03-10, 12 and 13) at
# 22:00 and a first upload of a labelled file to Dropbox on 2026-03-11 at
# 11:00.
quiet() {
	{
		history "$1" "$2" 09
		for n in $3; do
			ev "2026-03-${n}T22:00:00.000Z" "$1-q$n" "$1" usb_copied "" ',"file":{"name":"plans'$n'.xlsx"}'
			ev "2026-03-${n}T22:05:00.000Z" "$1-r$n" "$1" usb_copied "" ',"file":{"name":"specs'$n'.docx"}'
		done
		ev 2026-03-11T11:00:00.000Z "$1-up" "$1" cloud_uploaded \
		    ',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"' ',"file":{"name":"roadmap.pptx"}'"$DROPBOX"
	} | sort
}
quiet own@contoso.com 28 "10 12 13" >"$TMP/own.jsonl"
risk "$TMP/own.jsonl" "$TMP/leaks0.json" | grep '^2026-03-1[0-3]' >"$TMP/got"
echo "2026-03-13 90 usb_copy/new/30,cloud_upload/new/20,usb_copy/hours/10" >"$TMP/want"
check_same "no trigger but the user's own exfiltration: new channels on three nights make a risk" "$TMP/got" "$TMP/want"
jq -r 'select(.irm.insight == "risk") | .irm.trigger.activity' "$TMP/out" | sort -u >"$TMP/got"
echo exfiltration >"$TMP/want"
check_same "... and the trigger it names is the exfiltration" "$TMP/got" "$TMP/want"
quiet short@contoso.com 14 "10 12 13" >"$TMP/short2.jsonl"
risk "$TMP/short2.jsonl" "$TMP/leaks0.json" >"$TMP/got"
echo "2026-03-13 90 usb_copy/new/30,cloud_upload/new/20,usb_copy/hours/10" >"$TMP/want"
check_same "... on 10 active days of history too" "$TMP/got" "$TMP/want"
quiet two@contoso.com 28 "10 12" >"$TMP/two.jsonl"
risk "$TMP/two.jsonl" "$TMP/leaks0.json" >"$TMP/got"
check_same "two nights and a new upload of priority content: no risk on the user's own exfiltration" "$TMP/got" /dev/null

# 8. Repeated: a leaver with 27 active days of history (from 2026-02-02)
#    copies ten files to USB media on each of four nights in a row.  The
#    first night is new, the others rises (10 >= max(unusual.min_daily 10,
#    3 x a mean under 2)), so the channel made a part
#    on 4 days of the two weeks and the hours part has 4 nights: both
#    x1.5, (30 + 15) x 1.5 = 67.5, 68, high, where two nights were 45.
#    The part's days say how many.  Before, the four nights were 45 too.
# nights USER K...: USER's USB copies on the nights of 2026-03-10 to 13,
# one at 22:0K for each K.
nights() {
	_u=$1
	shift
	for n in 10 11 12 13; do
		for k in "$@"; do
			ev "2026-03-${n}T22:0${k}:00.000Z" "$_u-$n-$k" "$_u" usb_copied "" ',"file":{"name":"f'$n$k'.xlsx"}'
		done
	done
}
# risk_days FILE: risk as above, each part with its days too.
risk_days() {
	irm-score -s "$S/settings.json" -p "$S/departing.json" "$1" >"$TMP/out"
	days_of "$TMP/out"
}
# days_of OUT: the risk insights of OUT as risk_days prints them.
days_of() {
	jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score,
	    ([.irm.parts[]|.indicator+"/"+.kind+"/"+(.days|tostring)+"/"+(.points|tostring)]|join(","))]|join(" ")' "$1"
}
{
	weekdays rep@contoso.com 2026-02-02 46 09
	resign rep@contoso.com
	nights rep@contoso.com 0 1 2 3 4 5 6 7 8 9
} | sort >"$TMP/rep.jsonl"
risk_days "$TMP/rep.jsonl" >"$TMP/got"
cat >"$TMP/want" <<'W'
2026-03-11 45 usb_copy/new/2/20,usb_copy/hours/2/10
2026-03-13 68 usb_copy/new/4/30,usb_copy/hours/4/15
W
check_same "a new channel on four nights in a row is repeated: high" "$TMP/got" "$TMP/want"

# 9. A new channel used again is repeated too: a leaver with 10 active
#    days of history (a three-week extract, so no rise can be measured)
#    copies three files to USB media on each of four nights in a row.
#    The copies are new on the first night only, but the channel, new
#    then, is used on 3 and then 4 days of the two weeks: x1.5, as is
#    the hours part on its fourth night, (30 + 15) x 1.5 = 67.5, 68,
#    high.  Before, only the first night's 45 was written (the later
#    53 was the same severity within a week): CERT's leaker on a
#    three-week extract was medium.
{
	history short4@contoso.com 14 09
	resign short4@contoso.com
	nights short4@contoso.com 0 1 2
} | sort >"$TMP/short4.jsonl"
risk_days "$TMP/short4.jsonl" >"$TMP/got"
# The same risks as case 8's, in $TMP/want.
check_same "a new channel used on four nights of a short history is repeated: high" "$TMP/got" "$TMP/want"

# 10. A leaver's sustained rise: on a short history (10 active days,
#     each with one USB copy of a build artefact), a leaver copies ten
#     ordinary files to USB media in working hours on three days in a
#     row: a rise each day (10 >= max(unusual.min_daily 10, 3 x a mean
#     under 1)).  One channel, nothing new, no priority content and no
#     night, yet a rise on 3 days of two weeks by a user who is leaving
#     is no try and no handover: 20 x1.5 (repeated) x1.5 (the trigger)
#     = 45 on the third day.  CERT's job hunter had no alert.  Before,
#     a rise wanted 14 active days, and a leaver's risk two indicators
#     and something that points at the data.  On two days, or as mail
#     with attachments to a customer (a business recipient: the
#     salesperson's handover), none.
{
	history rise@contoso.com 14 09 usb
	resign rise@contoso.com
	usb_bursts rise@contoso.com 10 11 12
} | sort >"$TMP/rise.jsonl"
risk_days "$TMP/rise.jsonl" >"$TMP/got"
echo "2026-03-12 45 usb_copy/rise/3/30" >"$TMP/want"
check_same "a leaver's rise on three days of a short history: medium" "$TMP/got" "$TMP/want"
# The first two days' rises (short) survive --state into the third's run.
two_runs "$TMP/rise.jsonl" 2026-03-12
days_of "$TMP/out" >"$TMP/got"
check_same "... the same in two runs with --state" "$TMP/got" "$TMP/want"
{
	history rise2@contoso.com 14 09 usb
	resign rise2@contoso.com
	usb_bursts rise2@contoso.com 10 11
} | sort >"$TMP/rise2.jsonl"
risk_days "$TMP/rise2.jsonl" >"$TMP/got"
check_same "... on two days: none" "$TMP/got" /dev/null
# mails USER N DAY: N mails with an attachment to a customer on DAY at 11:1x.
mails() {
	_k=10
	while [ $_k -lt $((10 + $2)) ]; do
		ev "${3}T11:$_k:00.000Z" "m-$1-$3-$_k" "$1" email_sent \
		    ',"attachments":1' ',"email":{"to":{"address":["buyer@northwind.example"]}}'
		_k=$((_k + 1))
	done
}
{
	history sales@contoso.com 14 09
	for d in 23 24 25 26 27; do mails sales@contoso.com 1 2026-02-$d; done
	for d in 02 03 04 05 06; do mails sales@contoso.com 1 2026-03-$d; done
	resign sales@contoso.com
	for d in 10 11 12; do mails sales@contoso.com 10 2026-03-$d; done
} | sort >"$TMP/sales.jsonl"
risk_days "$TMP/sales.jsonl" >"$TMP/got"
check_same "... mail to a customer rising on three days: none" "$TMP/got" /dev/null

# 11. A history of logons alone (CERT: mail within the company and
#     ordinary web pages count nothing) has no share of counted events
#     after hours; its after-hours logons tell the hours instead: one late
#     evening is life, two are a habit.  lg@ logs on at 08:00 on 14
#     weekdays, then copies five files to USB media on three nights: in a
#     data_leaks policy, the new channel, repeated (30), and the new hours
#     (10), x1.5 = 60.  Before, no hours part and no risk.  With late
#     logons on two days of the history, none.
# logons USER LATE...: USER's logon at 08:00 on the 14 weekdays from
# 2026-02-23 and at 20:00 on each of LATE (of February 2026), then five
# USB copies at 22:0x on the nights of 10, 12 and 13 March.
logons() {
	_u=$1
	shift
	{
		weekdays_only "$_u"
		for _l in "$@"; do
			ev "2026-02-${_l}T20:00:00.000Z" "$_u-late$_l" "$_u" logon "" ',"host":{"name":"pc-1"}'
		done
		for n in 10 12 13; do
			usb_copies "$_u" "n$n" "2026-03-${n}T22:0%d:00.000Z" "f$n-%d.docx" 0 5
		done
	} | sort
}
weekdays_only() {
	for _d in 23 24 25 26 27; do
		ev "2026-02-${_d}T08:00:00.000Z" "$1-l$_d" "$1" logon "" ',"host":{"name":"pc-1"}'
	done
	for _d in 02 03 04 05 06 09 10 11 12; do
		ev "2026-03-${_d}T08:00:00.000Z" "$1-l$_d" "$1" logon "" ',"host":{"name":"pc-1"}'
	done
}
logons lg@contoso.com >"$TMP/lg.jsonl"
risk "$TMP/lg.jsonl" "$TMP/leaks0.json" >"$TMP/got"
echo "2026-03-13 60 usb_copy/new/30,usb_copy/hours/10" >"$TMP/want"
check_same "a history of logons alone: new hours on three nights make a risk" "$TMP/got" "$TMP/want"
logons lg1@contoso.com 25 >"$TMP/lg1.jsonl"
risk "$TMP/lg1.jsonl" "$TMP/leaks0.json" >"$TMP/got"
check_same "... with one late evening in it too" "$TMP/got" "$TMP/want"
logons lg2@contoso.com 24 26 >"$TMP/lg2.jsonl"
risk "$TMP/lg2.jsonl" "$TMP/leaks0.json" >"$TMP/got"
check_same "... with late logons on two days: none" "$TMP/got" /dev/null

# 12. An early shift's own hours start no hours part.  early@ works from
#     05:00 (the settings' hours start at 07:00) and mails a customer a
#     file at 05:10 each weekday from 2026-02-23, resigns on 2026-03-09
#     and copies five files to USB media at 22:0x on the nights of 10
#     and 12 March (and 13).  The first count after the settings' hours
#     in the two weeks, the mail of 2026-02-27, is at her own hours and
#     comes after 4 active days: it stood for the first after-hours day,
#     and its short history made no hours part and no risk.  The nights
#     are new hours after 13 active days: the new channel (20) and the
#     new hours (10), x1.5 = 45 on the second night.  Without the nights,
#     the mails at her own hours make nothing.
# early USER [NIGHTS...]: that history, the resignation, the nights.
early() {
	_u=$1
	shift
	{
		for _d in $(weekday_list 2026-02-23 17); do
			ev "${_d}T05:00:00.000Z" "e-$_d" "$_u" logon "" ',"host":{"name":"pc-1"}'
			ev "${_d}T05:10:00.000Z" "m-$_d" "$_u" email_sent \
			    ',"attachments":1' ',"email":{"to":{"address":["buyer@northwind.example"]}}'
		done
		resign "$_u"
		for n in "$@"; do
			usb_copies "$_u" "n$n" "2026-03-${n}T22:0%d:00.000Z" "f$n-%d.docx" 0 5
		done
	} | sort
}
early early@contoso.com 10 12 13 >"$TMP/early.jsonl"
risk "$TMP/early.jsonl" "$S/departing.json" >"$TMP/got"
echo "2026-03-12 45 usb_copy/new/20,usb_copy/hours/10" >"$TMP/want"
check_same "an early shift's own hours start no hours part: the nights do" "$TMP/got" "$TMP/want"
early early2@contoso.com >"$TMP/early2.jsonl"
risk "$TMP/early2.jsonl" "$S/departing.json" >"$TMP/got"
check_same "... without the nights, none" "$TMP/got" /dev/null

# 13. A theft of several days is measured against the days before it
#     began.  steady@ copies one build artefact to USB media on each of
#     14 weekdays from 2026-02-23, resigns on 2026-03-09, then copies 30
#     files on 16 and 17 March and 12 on the 19th.  Against a mean with
#     the first two days in it (74 over 16 days: 4.6, three times that
#     13.9), the 12 were no rise; against the quiet days' (0.9), they
#     are, so the rise is on three days: 30 x1.5 = 45.  Before, the rise
#     was on two days, and a leaver's rise on two days is none (case 10).
{
	history steady@contoso.com 14 09 usb
	resign steady@contoso.com
	usb_copies steady@contoso.com s16 "2026-03-16T10:%02d:00.000Z" "a%d.docx" 0 30
	usb_copies steady@contoso.com s17 "2026-03-17T10:%02d:00.000Z" "b%d.docx" 0 30
	usb_copies steady@contoso.com s19 "2026-03-19T10:%02d:00.000Z" "c%d.docx" 0 12
} | sort >"$TMP/steady.jsonl"
risk_days "$TMP/steady.jsonl" >"$TMP/got"
echo "2026-03-19 45 usb_copy/rise/3/30" >"$TMP/want"
check_same "a rise is measured against the days before the theft began" "$TMP/got" "$TMP/want"
# The two days before the 19th are parts in the state of an earlier run.
two_runs "$TMP/steady.jsonl" 2026-03-19
days_of "$TMP/out" >"$TMP/got"
check_same "... the same in two runs with --state" "$TMP/got" "$TMP/want"
