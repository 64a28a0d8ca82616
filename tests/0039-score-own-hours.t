#!/bin/sh
# irm-score and the user's own hours (irm-score(1) User risk, after_hours):
# when the settings name no working hours they stand in for the default
# 08:00 to 18:00 UTC, which are nobody's in particular (a CERT extract's
# staff start at seven; their leaker, who never works at night, copies to
# USB media on two nights after resigning); with working hours, a
# traveller's day moved to other hours is not after hours, and a user
# who works after them by habit (an early shift) has her own hours too.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
S=$TESTS/data/score/scenario
plan 15

resign() {
	ev 2026-03-09T08:00:00.000Z "hr-$1" "$1" hr_resignation \
	    ',"hr":{"resignation_date":"2026-03-09T00:00:00.000Z","last_working_date":"2026-03-31T00:00:00.000Z"}'
}
# nights USER HOUR: USER's 20 weekdays of history from 2026-02-23, two
# SharePoint downloads at HOUR (UTC) each, the resignation, then first
# USB copies on the nights of 2026-03-10 (22:00) and 2026-03-12 (22:30).
nights() {
	{
		weekdays "$1" 2026-02-23 28 "$2"
		resign "$1"
		ev 2026-03-10T22:00:00.000Z "$1-h1" "$1" usb_copied "" ',"file":{"name":"plans.xlsx"}'
		ev 2026-03-10T22:05:00.000Z "$1-h2" "$1" usb_copied "" ',"file":{"name":"specs.docx"}'
		ev 2026-03-12T22:30:00.000Z "$1-h3" "$1" usb_copied "" ',"file":{"name":"costs.xlsx"}'
	} | sort
}
# risk FILE [ARGS]: the risk insights of FILE under the departing policy,
# without settings unless ARGS give them: day, score, parts.
risk() {
	_f=$1
	shift
	irm-score "$@" -p "$S/departing.json" "$_f" >"$TMP/out"
	jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score,
	    ([.irm.parts[]|.indicator+"/"+.kind+"/"+(.points|tostring)]|join(","))]|join(" ")' "$TMP/out"
}

# 1. early@ works from 07:00 UTC, before the default working day: all of
#    her counted events were after hours by it, so she "worked then" and
#    her nights made no hours part (one part, no risk).  Her own hours
#    are 06:00 to 08:00: the nights are new, (20 + 10) x 1.5 = 45, as
#    with settings that name 07:00 to 19:00 (tests/0033 case 3).
nights early@contoso.com 07 >"$TMP/early.jsonl"
risk "$TMP/early.jsonl" >"$TMP/got"
echo "2026-03-12 45 usb_copy/new/20,usb_copy/hours/10" >"$TMP/want"
check_same "no working hours in the settings: an early riser's first USB copies on two nights are new hours" "$TMP/got" "$TMP/want"
risk "$TMP/early.jsonl" -s "$S/settings.json" >"$TMP/got"
check_same "... as with the settings' working hours" "$TMP/got" "$TMP/want"

# 2. late@ works at 21:00 every weekday: the nights are within an hour of
#    his own hours, no hours part, no risk.
nights late@contoso.com 21 >"$TMP/late.jsonl"
risk "$TMP/late.jsonl" >"$TMP/got"
check_same "an evening worker's copies an hour later: no hours part, no risk" "$TMP/got" /dev/null

# 3. logon@ only logs on, at 21:00 every weekday (much of a CERT
#    extract: no counted event but after-hours logons), and copies at
#    night after resigning: the hours are the logons', so no hours part,
#    also when the history came in another run carried by --state (the
#    hours of each day are kept).
{
	nights logon@contoso.com 21 | grep -v file_downloaded
	d=0
	while [ $d -lt 28 ]; do
		day=$(date -u -d "2026-02-23 + $d days" +%Y-%m-%d)
		d=$((d + 1))
		[ "$(date -u -d "$day" +%u)" -gt 5 ] ||
			ev "${day}T21:00:00.000Z" "l-$day" logon@contoso.com logon
	done
} | sort >"$TMP/logon.jsonl"
risk "$TMP/logon.jsonl" >"$TMP/got"
check_same "a user who only logs on, at 21:00: copies at 22:00 are no hours part" "$TMP/got" /dev/null
awk '$0 < "{\"@timestamp\":\"2026-03-10"' "$TMP/logon.jsonl" >"$TMP/part1.jsonl"
awk '$0 >= "{\"@timestamp\":\"2026-03-10"' "$TMP/logon.jsonl" >"$TMP/part2.jsonl"
irm-score -p "$S/departing.json" --state "$TMP/state" --lag 0 \
    --now 2026-03-10T00:00:00Z "$TMP/part1.jsonl" >"$TMP/out1"
irm-score -p "$S/departing.json" --state "$TMP/state" --lag 0 --final \
    "$TMP/part2.jsonl" >"$TMP/out2"
check "... in two runs with --state: no risk" \
    sh -c "test -s '$TMP/part1.jsonl' && ! grep -q '\"insight\":\"risk\"' '$TMP/out1' '$TMP/out2'"

# 4. odd@ works at 07:00 and mailed attachments outside the company at
#    another hour on each of three days before the two weeks (03:00,
#    04:00 and 23:00 UTC, none twice): 3 of 29 counted events before the
#    first night, 10%, outside the own hours, so the user works at odd
#    hours, and the nights are no part.
# odd_mails USER HOUR...: USER's mail with an attachment outside the
# company at 10 past each HOUR (UTC), on 24, 25 and 26 February.
odd_mails() {
	_u=$1
	shift
	for _t in 2026-02-24T$1 2026-02-25T$2 2026-02-26T$3; do
		ev "$_t:10:00.000Z" "$_u-$_t" "$_u" email_sent \
		    ',"attachments":1' ',"email":{"from":{"address":["'"$_u"'"]},"to":{"address":["x@fabrikam.com"]}}'
	done
}
{
	nights odd@contoso.com 07
	odd_mails odd@contoso.com 03 04 23
} | sort >"$TMP/odd.jsonl"
risk "$TMP/odd.jsonl" >"$TMP/got"
check_same "a user whose counted events came at odd hours (over 5%): no hours part" "$TMP/got" /dev/null

# 5. away@ works from 07:00 too, resigns, and spends 2026-03-10 and 11
#    abroad: her working day runs from 01:00 to 05:00 UTC, with her
#    first USB copies at 03:00.  Five hours outside her own are a day
#    moved, not a night's theft: no hours part, no risk.
{
	weekdays away@contoso.com 2026-02-23 28 07
	resign away@contoso.com
	for day in 2026-03-10 2026-03-11; do
		ev "${day}T01:00:00.000Z" "a1-$day" away@contoso.com logon
		for h in 02 04 05; do
			ev "${day}T$h:00:00.000Z" "a$h-$day" away@contoso.com file_downloaded "" "$SP_URL"
		done
		ev "${day}T03:00:00.000Z" "a3-$day" away@contoso.com usb_copied "" ',"file":{"name":"deck-'$day'.pptx"}'
	done
} | sort >"$TMP/away.jsonl"
risk "$TMP/away.jsonl" >"$TMP/got"
check_same "a traveller's working day at other hours, first USB copies in it: no hours part" "$TMP/got" /dev/null

# 6. The after_hours multiplier of indicator insights without working
#    hours in the settings: every event of the count outside the hours
#    the user worked (not the hours next to them), over 3 active days or
#    more.  copy@ copies a build to USB media at 07:45 every weekday from
#    2026-02-23: twelve copies at 07:10 on 2026-03-10 are her hours
#    (before, 07:10 was after the default hours: x1.25); twelve at 22:00
#    on 2026-03-11 are not; edge@ works at 09:00 and copies twelve at
#    10:10, the hour after: not her hours either; and new@, on her second
#    day in the data, has no own hours yet.
printf '{"name": "leaks", "template": "data_leaks", "alert": {"min_score": 1}}\n' >"$TMP/leaks.json"
{
	weekdays copy@contoso.com 2026-02-23 15 07 usb
	usb_copies copy@contoso.com m "2026-03-10T07:1%d:00.000Z" "m%d.zip" 0 6
	usb_copies copy@contoso.com n "2026-03-10T07:2%d:00.000Z" "n%d.zip" 0 6
	usb_copies copy@contoso.com o "2026-03-11T22:1%d:00.000Z" "o%d.zip" 0 6
	usb_copies copy@contoso.com p "2026-03-11T22:2%d:00.000Z" "p%d.zip" 0 6
	weekdays new@contoso.com 2026-03-09 1 09
	weekdays edge@contoso.com 2026-02-23 15 09
	usb_copies edge@contoso.com e "2026-03-10T10:1%d:00.000Z" "e%d.zip" 0 6
	usb_copies edge@contoso.com f "2026-03-10T10:2%d:00.000Z" "f%d.zip" 0 6
	usb_copies new@contoso.com q "2026-03-10T22:1%d:00.000Z" "q%d.zip" 0 6
	usb_copies new@contoso.com r "2026-03-10T22:2%d:00.000Z" "r%d.zip" 0 6
} | sort >"$TMP/copy.jsonl"
irm-score -p "$TMP/leaks.json" "$TMP/copy.jsonl" |
    jq -r 'select(.irm.indicator == "usb_copy" and .irm.count == 12) |
    [.user.name, .irm.day, ([.irm.factors[] | select(.name == "after_hours") | .detail] | join(""))] | join(" ")' |
    sort >"$TMP/got"
cat >"$TMP/want6" <<'EOW'
copy@contoso.com 2026-03-10 
copy@contoso.com 2026-03-11 12 of 12 outside the hours the user worked over 12 active days
edge@contoso.com 2026-03-10 12 of 12 outside the hours the user worked over 11 active days
new@contoso.com 2026-03-10 
EOW
check_same "no working hours in the settings: after hours is outside the hours the user worked" "$TMP/got" "$TMP/want6"

# 7. With working hours in the settings (07:00 to 19:00 UTC) the
#    after_hours multiplier is not for a count on a day moved: the
#    user's events that day came in 5 hours or more outside the own
#    (over 3 active days or more), or outside working hours.  day@ works
#    at 09:00 and copies twelve files at 22:10: after hours.  trip@ works
#    at 09:00 and, abroad on 2026-03-11, from 17:00 to 23:00: the day
#    moved.  fresh@ starts in the data that day, from 17:00 to 23:00, so
#    has no own hours: five of them outside working hours.  new@ too, but
#    logs on at 21:00 and copies at 22:10: two hours, after hours.
#    Before, all four were x1.25.
{
	for u in day trip; do
		weekdays $u@contoso.com 2026-02-23 15 09 usb
		usb_copies $u@contoso.com $u-a "2026-03-11T22:1%d:00.000Z" "a%d.zip" 0 6
		usb_copies $u@contoso.com $u-b "2026-03-11T22:2%d:00.000Z" "b%d.zip" 0 6
	done
	for u in fresh new; do
		usb_copies $u@contoso.com $u-a "2026-03-11T22:1%d:00.000Z" "a%d.zip" 0 6
		usb_copies $u@contoso.com $u-b "2026-03-11T22:2%d:00.000Z" "b%d.zip" 0 6
	done
	for h in 17 18 19 20 21 23; do
		ev "2026-03-11T$h:00:00.000Z" "t-$h" trip@contoso.com file_downloaded "" "$SP_URL"
		ev "2026-03-11T$h:00:00.000Z" "f-$h" fresh@contoso.com file_downloaded "" "$SP_URL"
	done
	ev 2026-03-11T21:00:00.000Z n-21 new@contoso.com logon
} | sort >"$TMP/own.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/leaks.json" "$TMP/own.jsonl" |
    jq -r 'select(.irm.indicator == "usb_copy" and .irm.count == 12) |
    [.user.name, ([.irm.factors[] | select(.name == "after_hours") | .name] | join(""))] | join(" ")' |
    sort >"$TMP/got"
printf '%s\n' "day@contoso.com after_hours" "fresh@contoso.com " \
    "new@contoso.com after_hours" "trip@contoso.com " >"$TMP/want7"
check_same "with working hours: a traveller's day moved is not after hours" "$TMP/got" "$TMP/want7"

# 8. With working hours 07:00 to 19:00, dawn@ works from 05:00 UTC, her
#    own hours: all her counted events were after hours by the settings,
#    so the settings alone said she "worked then".  Her own hours stand
#    in, as without settings: the nights are new, (20 + 10) x 1.5 = 45.
nights dawn@contoso.com 05 >"$TMP/dawn.jsonl"
risk "$TMP/dawn.jsonl" -s "$S/settings.json" >"$TMP/got"
echo "2026-03-12 45 usb_copy/new/20,usb_copy/hours/10" >"$TMP/want8"
check_same "with working hours: an early shift's first USB copies on two nights are new hours" "$TMP/got" "$TMP/want8"
risk "$TMP/dawn.jsonl" >"$TMP/got"
check_same "... as without settings" "$TMP/got" "$TMP/want8"

# 9. ... but an early shift whose counted events also came at odd hours
#    (over 5% outside her own) works at odd hours: no hours part; nor
#    when the nights are within an hour of her own hours.
{
	nights dawnodd@contoso.com 05
	odd_mails dawnodd@contoso.com 13 15 23
} | sort >"$TMP/dawnodd.jsonl"
risk "$TMP/dawnodd.jsonl" -s "$S/settings.json" >"$TMP/got"
check_same "... not for one whose counted events came at odd hours" "$TMP/got" /dev/null
nights dusk@contoso.com 21 >"$TMP/dusk.jsonl"
risk "$TMP/dusk.jsonl" -s "$S/settings.json" >"$TMP/got"
check_same "... nor for an evening shift's copies an hour later" "$TMP/got" /dev/null

# 10. A settings file without working_hours is the same as none.
printf '{"domains": {"internal": ["contoso.com"]}}\n' >"$TMP/set.json"
risk "$TMP/early.jsonl" -s "$TMP/set.json" >"$TMP/got"
check_same "settings without working_hours: the user's own hours too" "$TMP/got" "$TMP/want"
# 11. With working hours, after_hours takes three quarters of the count
#    outside them: a working day that runs on or starts early puts half
#    of a day's mail outside them, a theft at night all of it.  With
#    working hours 07:00 to 19:00 UTC and no history, run@ copies 5
#    files at 18:1x and 7 at 19:1x (7 of 12 outside: before, x1.25),
#    most@ 3 and 9 (9 of 12: x1.25).  Salespeople at the start of a CERT
#    extract mailing customers from 17:00 to 20:00, or abroad from 02:00
#    to 10:00, had medium alerts for it (irm-gen -f cert -u 1000 -d 21,
#    seeds 112, 114 and 116, with settings: 5 users, one of them high).
{
	usb_copies run@contoso.com run-a "2026-03-11T18:1%d:00.000Z" "a%d.zip" 0 5
	usb_copies run@contoso.com run-b "2026-03-11T19:1%d:00.000Z" "b%d.zip" 0 7
	usb_copies most@contoso.com most-a "2026-03-11T18:1%d:00.000Z" "a%d.zip" 0 3
	usb_copies most@contoso.com most-b "2026-03-11T19:1%d:00.000Z" "b%d.zip" 0 9
} | sort >"$TMP/run.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/leaks.json" "$TMP/run.jsonl" |
    jq -r 'select(.irm.indicator == "usb_copy") |
    [.user.name, ([.irm.factors[] | select(.name == "after_hours") | .detail] | join(""))] | join(" ")' |
    sort >"$TMP/got"
printf '%s\n' "most@contoso.com 9 of 12 outside working hours" "run@contoso.com " >"$TMP/want11"
check_same "with working hours: after hours is three quarters of the count" "$TMP/got" "$TMP/want11"
done_testing
