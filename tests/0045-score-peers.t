#!/bin/sh
# irm-score's peers and habits (irm-score(1) SCORING): a thing new for a
# user that half or more of the user's department did in the 30 days
# is no part of the user's risk; a high count of downloads or syncs alone
# is collection, uncorroborated; after hours is no signal for a user who
# mostly works after hours.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
S=$TESTS/data/score/scenario
plan 14

SP=$SP_URL
DB=',"file":{"name":"roadmap.pptx"},"url":{"full":"https://www.dropbox.com/up","domain":"dropbox.com"}'
HC=',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"'
# history USER HOUR: two SharePoint downloads on each weekday from
# 2026-02-02 to 2026-03-06 at HOUR (UTC; working hours are 07 to 19).
history() {
	weekdays "$1" 2026-02-02 33 "$2"
}

# 1. leaver@ (tests/0042's case 1: a first USB copy of a labelled file
#    and a first upload to Dropbox after resigning, a risk of 60) in a department of 24
#    others who each uploaded to Dropbox in the month: the upload is new
#    for the leaver but ordinary for the peers, one indicator is left,
#    and there is no risk insight.  With 10 such peers (11 users in
#    the organization, no 20 to compare with), the leaver gets the risk
#    of 60.
{
	history leaver@contoso.com 09
	ev 2026-03-09T08:00:00.000Z hr-1 leaver@contoso.com hr_resignation "" \
	    ',"hr":{"resignation_date":"2026-03-09T00:00:00.000Z","last_working_date":"2026-03-31T00:00:00.000Z"}'
	ev 2026-03-10T11:00:00.000Z n1 leaver@contoso.com usb_copied "$HC" ',"file":{"name":"plans.xlsx"}'
	ev 2026-03-11T11:00:00.000Z n2 leaver@contoso.com cloud_uploaded "" "$DB"
	ev 2026-03-12T09:00:00.000Z n3 leaver@contoso.com file_downloaded "" "$SP"
	k=10
	while [ $k -lt 34 ]; do
		ev 2026-03-05T10:$k:00.000Z "p-$k" "peer$k@contoso.com" cloud_uploaded "" "$DB"
		k=$((k + 1))
	done
} | sort >"$TMP/peers.jsonl"
{
	echo user,department
	echo leaver@contoso.com,Sales
	k=10
	while [ $k -lt 34 ]; do
		echo "peer$k@contoso.com,Sales"
		k=$((k + 1))
	done
} >"$TMP/dir.csv"
sed 's|^}$|, "directory": "'"$TMP"'/dir.csv"}|' "$S/settings.json" >"$TMP/settings.json"
risk() {
	jq -r 'select(.irm.insight == "risk" and .user.name == "leaver@contoso.com") |
	    [.irm.day,.irm.score,([.irm.parts[]|.indicator+"/"+.kind]|join(","))]|join(" ")'
}
irm-score -s "$TMP/settings.json" -p "$S/departing.json" "$TMP/peers.jsonl" | risk >"$TMP/got"
check_same "a first thing most of the department did is no part" "$TMP/got" /dev/null
grep -v '"peer[23][0-9]@' "$TMP/peers.jsonl" >"$TMP/few.jsonl"
irm-score -s "$TMP/settings.json" -p "$S/departing.json" "$TMP/few.jsonl" | risk >"$TMP/got"
echo "2026-03-11 60 usb_copy/new,cloud_upload/new" >"$TMP/want"
check_same "without 20 peers the first things are new" "$TMP/got" "$TMP/want"

# 1c. The marks (new, rise) of final days are in --state: the first run
#    ends with 2026-03-10 final (the first USB copy) and 2026-03-11 not
#    (the first upload); a second run with a later event makes the risk
#    of the one-shot run, which needs the USB copy's mark.
{
	grep -v '"peer' "$TMP/peers.jsonl"
	ev 2026-03-13T09:00:00.000Z n4 leaver@contoso.com file_downloaded "" "$SP"
} >"$TMP/alone.jsonl"
ev 2026-03-25T09:00:00.000Z late leaver@contoso.com file_downloaded "" "$SP" >"$TMP/late.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" --state "$TMP/st" "$TMP/alone.jsonl" >"$TMP/split"
irm-score -s "$S/settings.json" -p "$S/departing.json" --state "$TMP/st" "$TMP/late.jsonl" >>"$TMP/split"
risk <"$TMP/split" >"$TMP/got"
cat "$TMP/alone.jsonl" "$TMP/late.jsonl" >"$TMP/whole.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/whole.jsonl" | risk >"$TMP/want"
check "the one-shot run has the risk" test -s "$TMP/want"
check_same "new and rise marks survive a reload of the state" "$TMP/got" "$TMP/want"

# 2. 100 SharePoint downloads in a day, some of priority content, by a
#    user without a history (sharepoint_download: weight 10, high at 50):
#    30 x 1.5 = 45 before; neither the high count nor priority content
#    corroborates collection: uncorroborated collection is x0.25, 11.25,
#    11 (x0.5, 23, before: stacked with an unusual volume and a priority
#    user, 35 and medium).
printf '{"name": "leaks0", "template": "data_leaks", "triggers": [], "alert": {"min_score": 0}}\n' >"$TMP/leaks0.json"
k=100
while [ $k -lt 200 ]; do
	ev "2026-03-04T10:$(printf %02d:00.%03d $(((k - 100) / 2)) $k)Z" "s-$k" bulk@contoso.com file_downloaded "$([ $k -lt 110 ] && echo "$HC")" "$SP"
	k=$((k + 1))
done | sort >"$TMP/bulk.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/leaks0.json" "$TMP/bulk.jsonl" |
    jq -r 'select(.irm.indicator == "sharepoint_download") | [.irm.score,([.irm.factors[].name]|join("+"))]|join(" ")' >"$TMP/got"
echo "11 level+priority_content+uncorroborated" >"$TMP/want"
check_same "a high count of downloads alone is uncorroborated" "$TMP/got" "$TMP/want"

# 3. night@ downloads at 22:00 every weekday, day@ at 09:00; both copy 12
#    files to USB media at 22:00 on 2026-03-10: after hours is a signal
#    for day@ only.
{
	history night@contoso.com 22
	history day@contoso.com 09
	usb_copies night@contoso.com n 2026-03-10T22:%d:00.000Z f%d.txt 10 22
	usb_copies day@contoso.com d 2026-03-10T22:%d:00.000Z f%d.txt 10 22
} | sort >"$TMP/night.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/leaks0.json" "$TMP/night.jsonl" |
    jq -r 'select(.irm.indicator == "usb_copy") | [.user.name,([.irm.factors[].name]|join("+"))]|join(" ")' >"$TMP/got"
cat >"$TMP/want" <<'OUT'
day@contoso.com level+unusual_activity+after_hours
night@contoso.com level+unusual_activity
OUT
check_same "after hours is no signal for a night shift" "$TMP/got" "$TMP/want"

# 4. A rise the department shares is no part.  leaver@ and six others of
#    Finance copy one file to USB media every weekday; leaver@ resigns
#    on Monday 2026-03-09, copies 12 files, 3 labelled, on Tuesday (a
#    rise: 12 >= max(10, 3 x 1), 20 x 1.5 priority content = 30) and
#    uploads to Dropbox for the first time on Wednesday (new, 20):
#    (30 + 20) x 1.5 = 75.  When 3 of the 6 others copy 12 on Tuesday
#    too (a third or more of those who copy), the rise is the
#    department's, the upload is left alone and there is no risk; with
#    2 of them it is still the leaver's.
fin() {
	weekdays leaver@contoso.com 2026-02-02 33 09 usb
	ev 2026-03-09T08:00:00.000Z hr-1 leaver@contoso.com hr_resignation "" \
	    ',"hr":{"resignation_date":"2026-03-09T00:00:00.000Z","last_working_date":"2026-03-31T00:00:00.000Z"}'
	usb_copies leaver@contoso.com n 2026-03-10T11:%d:00.000Z f%d.xlsx 10 22 "$HC" 3
	ev 2026-03-11T11:00:00.000Z up leaver@contoso.com cloud_uploaded "" "$DB"
	fin_peers "$1"
}
printf 'user,department\nleaver@contoso.com,Finance\n' >"$TMP/fin.csv"
for k in 1 2 3 4 5 6; do
	echo "fin$k@contoso.com,Finance"
done >>"$TMP/fin.csv"
sed 's|^}$|, "directory": "'"$TMP"'/fin.csv"}|' "$S/settings.json" >"$TMP/fin.json"
fin 3 | sort >"$TMP/shared.jsonl"
irm-score -s "$TMP/fin.json" -p "$S/departing.json" "$TMP/shared.jsonl" | risk >"$TMP/got"
check_same "a rise a third of the department shares is no part" "$TMP/got" /dev/null
fin 2 | sort >"$TMP/own.jsonl"
irm-score -s "$TMP/fin.json" -p "$S/departing.json" "$TMP/own.jsonl" | risk >"$TMP/got"
echo "2026-03-11 75 usb_copy/rise,cloud_upload/new" >"$TMP/want"
check_same "a rise two colleagues share is the user's" "$TMP/got" "$TMP/want"
# ... and so is one when 4 of the 6 copy one file more (a rise, twice
# their mean): a day of 2 copies does not explain 12, more than 5 times
# the largest count of the others who rose.
{
	fin 0
	for k in 1 2 3 4; do
		usb_copies "fin$k@contoso.com" "one$k" 2026-03-10T13:%d:00.000Z o%d.xlsx 10 11
	done
} | sort >"$TMP/one.jsonl"
irm-score -s "$TMP/fin.json" -p "$S/departing.json" "$TMP/one.jsonl" | risk >"$TMP/got"
check_same "... and one four colleagues share with a file more each" "$TMP/got" "$TMP/want"

# 5. A poor review corroborates what follows it, not the days before it
#    that the look-back brings into scope.  early@ downloads 60
#    SharePoint files at 22:00 on 2026-03-03, late@ on 2026-03-24; both
#    get a poor review on 2026-03-20 (data_leaks_risky_users: weight 10,
#    level 3, 30 x 1.25 after hours).  late@'s review and hour are two
#    signals: 38; early@'s download had only the hour: x0.25, 9 (38
#    before: irm-gen's night-shift system administrators, bulk
#    downloads in the first week of the data, were medium alerts when a
#    poor review three weeks later brought those days into scope).
printf '{"name": "risky0", "template": "data_leaks_risky_users", "alert": {"min_score": 0}}\n' >"$TMP/risky0.json"
{
	for u in early late; do
		ev 2026-03-20T08:00:00.000Z "hr-$u" "$u@contoso.com" hr_review ',"hr":{"rating":"2 - below expectations"}'
		day=2026-03-03
		[ $u = late ] && day=2026-03-24
		k=100
		while [ $k -lt 160 ]; do
			ev "${day}T22:$(printf %02d $((k - 100))):00.000Z" "b-$u-$k" "$u@contoso.com" file_downloaded "" "$SP"
			k=$((k + 1))
		done
	done
} | sort >"$TMP/review.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/risky0.json" "$TMP/review.jsonl" |
    jq -r 'select(.irm.indicator == "sharepoint_download") | [.user.name,.irm.day,.irm.score,([.irm.factors[].name]|join("+"))]|join(" ")' | sort >"$TMP/got"
cat >"$TMP/want" <<'OUT'
early@contoso.com 2026-03-03 9 level+after_hours+uncorroborated
late@contoso.com 2026-03-24 38 level+after_hours
OUT
check_same "a poor review corroborates the days after it, not those before" "$TMP/got" "$TMP/want"

# 6. At the start of the data the user has no routine of its own yet; the
#    department's stands in.  On 2026-03-02, the first day, seller@
#    (Sales) and lawyer@ (Legal) each copy 12 files to USB media
#    (usb_copy level 2, 40); both resign on 2026-03-20, and the
#    look-back brings that day into scope.  6 other sellers copied that
#    day too, none of the 6 other lawyers (each one SharePoint
#    download): the resignation does not count for seller@'s channel,
#    x0.5, 20 (40 before: irm-gen's quiet-leaver look-alike, a
#    salesperson mailing attachments every day, was a medium alert for
#    the first days of the data on three tenants of seven under the
#    default templates, at 100 or 200 users over 30 to 90 days);
#    lawyer@'s stays 40.
printf '{"name": "dep0", "template": "data_theft_departing", "alert": {"min_score": 0}}\n' >"$TMP/dep0.json"
{
	for u in seller lawyer; do
		ev 2026-03-20T08:00:00.000Z "hr-$u" "$u@contoso.com" hr_resignation "" \
		    ',"hr":{"resignation_date":"2026-03-20T00:00:00.000Z","last_working_date":"2026-04-03T00:00:00.000Z"}'
		usb_copies "$u@contoso.com" "$u" "2026-03-02T10:%d:00.000Z" "$u%d.txt" 10 22
	done
	for k in 1 2 3 4 5 6; do
		usb_copies "s$k@contoso.com" "s$k" "2026-03-02T11:%d:00.000Z" "s$k-%d.zip" 10 12
		ev "2026-03-02T12:0$k:00.000Z" "l$k" "l$k@contoso.com" file_downloaded "" "$SP"
	done
	ev 2026-03-23T09:00:00.000Z later later@contoso.com file_downloaded "" "$SP"
} | sort >"$TMP/start.jsonl"
{
	echo user,department
	for k in 1 2 3 4 5 6; do
		echo "s$k@contoso.com,Sales"
		echo "l$k@contoso.com,Legal"
	done
	echo seller@contoso.com,Sales
	echo lawyer@contoso.com,Legal
} >"$TMP/dir6.csv"
sed 's|^}$|, "directory": "'"$TMP"'/dir6.csv"}|' "$S/settings.json" >"$TMP/settings6.json"
irm-score -s "$TMP/settings6.json" -p "$TMP/dep0.json" "$TMP/start.jsonl" |
    tee "$TMP/start" | jq -r 'select(.irm.indicator == "usb_copy" and (.user.name | test("^(seller|lawyer)@"))) |
    [.user.name,.irm.score,([.irm.factors[].name]|join("+"))]|join(" ")' | sort >"$TMP/got"
cat >"$TMP/want" <<'OUT'
lawyer@contoso.com 40 level
seller@contoso.com 20 level+uncorroborated
OUT
check_same "on the first days a channel most of the department uses is routine" "$TMP/got" "$TMP/want"
jq -r 'select(.user.name == "seller@contoso.com") | .irm.factors[-1].detail' "$TMP/start" >"$TMP/got"
echo "no signal but the trigger, which does not count for a channel half of the peers or more used in the 30 days, on a history of 0 active days" >"$TMP/want"
check_same "the uncorroborated factor says the peers' routine stood in" "$TMP/got" "$TMP/want"

# 7. Who shares a rise: the others who rose by their own mean, not those
#    whose count is their first (something new for them, as for the
#    user), and not the user, unless the user rose by the same measure.
#    Case 4's Finance, with 2 of the 6 others copying 12 files on
#    Tuesday, and 3 more colleagues who never copied to USB media copying
#    12 that day for the first time: the rise is still the leaver's, 75.
#    Before, the first copies counted as rises and it was the
#    department's (irm-gen -f cert: two leakers' first copies hid a job
#    hunter's rise).  Then quiet@, who has worked every weekday but
#    copied to USB media once a week (no count on most days), in Finance
#    with the 6 who copy daily, none of them rising: its 12 copies are a
#    rise of its own, 75.  Before, the department was found to share it
#    (the user, not among those who rose by a count on 14 days, was
#    taken out of them all the same).
for k in 1 2 3; do
	echo "new$k@contoso.com,Finance"
done >>"$TMP/fin.csv"
weekdays new1@contoso.com 2026-02-02 38 09 >"$TMP/new1.jsonl"
{
	cat "$TMP/own.jsonl"
	for k in 1 2 3; do
		sed "s/new1@/new$k@/g" "$TMP/new1.jsonl"
		usb_copies "new$k@contoso.com" "c$k" 2026-03-10T13:%d:00.000Z c%d.xlsx 10 22
	done
} | sort >"$TMP/first.jsonl"
irm-score -s "$TMP/fin.json" -p "$S/departing.json" "$TMP/first.jsonl" | risk >"$TMP/got"
echo "2026-03-11 75 usb_copy/rise,cloud_upload/new" >"$TMP/want"
check_same "colleagues' first copies on the day are no shared rise" "$TMP/got" "$TMP/want"
{
	# case 4's Finance without the leaver and without rises
	grep -v -e '"leaver@' -e '"id":"b[0-9]-' "$TMP/own.jsonl"
	d=0
	while [ $d -lt 33 ]; do
		day=$(date -u -d "2026-02-02 + $d days" +%Y-%m-%d)
		d=$((d + 1))
		[ "$(date -u -d "$day" +%u)" -gt 5 ] && continue
		ev "${day}T08:00:00.000Z" "q-$day" quiet@contoso.com logon
		[ "$(date -u -d "$day" +%u)" = 3 ] &&
			ev "${day}T09:00:00.000Z" "qu-$day" quiet@contoso.com usb_copied "" ',"file":{"name":"a.zip"}'
	done
	ev 2026-03-09T08:00:00.000Z hr-q quiet@contoso.com hr_resignation "" \
	    ',"hr":{"resignation_date":"2026-03-09T00:00:00.000Z","last_working_date":"2026-03-31T00:00:00.000Z"}'
	usb_copies quiet@contoso.com q 2026-03-10T11:%d:00.000Z f%d.xlsx 10 22 "$HC" 3
	ev 2026-03-11T11:00:00.000Z qup quiet@contoso.com cloud_uploaded "" "$DB"
} | sort >"$TMP/quiet.jsonl"
echo quiet@contoso.com,Finance >>"$TMP/fin.csv"
irm-score -s "$TMP/fin.json" -p "$S/departing.json" "$TMP/quiet.jsonl" |
    sed 's/quiet@/leaver@/g' | risk >"$TMP/got"
check_same "a rise on days without counts is the user's own" "$TMP/got" "$TMP/want"
