#!/bin/sh
# A rise the user's department shares on the day is the calendar's, not
# the user's (irm-score(1) SCORING, irm-insight(5)): an indicator insight
# gets no unusual_activity for it, and a sequence through it is
# usual_for_user instead of many_files.  Finance prints three times as
# much at a quarter's end, a third of the team at once (irm-gen -u 1000
# -d 60 -s 3: a financial analyst's sequences and prints were a high
# alert, 74).  On a user's first days, a sequence through the channel of
# half of the peers or more is usual too (4).
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
S=$TESTS/data/score/scenario
plan 11

# ana@ and six others of Finance download two files and copy one to USB
# media every weekday from 2026-02-02; ana@ copies two more (three a
# day).  On Tuesday 2026-03-10 ana@ copies 10 files more (13 >= max(10,
# 3 x 30-day mean), and at most 5 x her own mean of 3), and K of the
# others copy 12 more each: a rise (twice their own mean) for each of
# them.  With 3 of the 6 (a third or more of those who copy), the rise
# is the department's.  thief@ (when asked for), who copied one a day,
# copies 13 too: more than the calendar explains (5 x 1).
more_copies() {
	_d=0
	while [ $_d -lt 38 ]; do
		_day=$(date -u -d "2026-02-02 + $_d days" +%Y-%m-%d)
		_d=$((_d + 1))
		[ "$(date -u -d "$_day" +%u)" -gt 5 ] && continue
		[ "$_day" = 2026-03-10 ] && continue
		ev "${_day}T10:00:00.000Z" "m1-$_day" ana@contoso.com usb_copied "" ',"file":{"name":"a.zip"}'
		ev "${_day}T10:10:00.000Z" "m2-$_day" ana@contoso.com usb_copied "" ',"file":{"name":"b.zip"}'
	done
}
tenant() {
	weekdays ana@contoso.com 2026-02-02 38 09 usb
	more_copies
	usb_copies ana@contoso.com a 2026-03-10T11:%d:00.000Z f%d.xlsx 10 22
	if [ -n "${2:-}" ]; then
		weekdays thief@contoso.com 2026-02-02 38 09 usb
		usb_copies thief@contoso.com t 2026-03-10T11:%d:00.000Z f%d.xlsx 10 22
	fi
	fin_peers "$1"
}
{
	echo user,department
	echo ana@contoso.com,Finance
	echo thief@contoso.com,Finance
	echo new@contoso.com,Finance
	for k in 1 2 3 4 5 6; do
		echo "fin$k@contoso.com,Finance"
	done
} >"$TMP/fin.csv"
sed 's|^}$|, "directory": "'"$TMP"'/fin.csv"}|' "$S/settings.json" >"$TMP/fin.json"
printf '{"name": "leaks0", "template": "data_leaks", "alert": {"min_score": 0}}\n' >"$TMP/leaks0.json"
factors() {
	jq -r 'select(.user.name == "'"${2:-ana}"'@contoso.com" and .irm.day == "2026-03-10" and .irm.insight == "'"$1"'") |
	    [.irm.score,([.irm.factors[].name]|join("+"))]|join(" ")'
}

# 1. The indicator: 13 copies, level 40 (high at 10), uncorroborated
#    (nothing else points the same way) x0.5, and unusual x1.25 when the
#    rise is ana@'s own: 25; the department's: 20.
tenant 3 | sort >"$TMP/shared.jsonl"
irm-score -s "$TMP/fin.json" -p "$TMP/leaks0.json" "$TMP/shared.jsonl" | factors indicator >"$TMP/got"
echo "20 level+uncorroborated" >"$TMP/want"
check_same "a count the department's rise shares is not unusual" "$TMP/got" "$TMP/want"
tenant 2 | sort >"$TMP/own.jsonl"
irm-score -s "$TMP/fin.json" -p "$TMP/leaks0.json" "$TMP/own.jsonl" | factors indicator >"$TMP/got"
echo "25 level+unusual_activity+uncorroborated" >"$TMP/want"
check_same "a rise two colleagues share is unusual" "$TMP/got" "$TMP/want"
tenant 3 thief | sort >"$TMP/thief.jsonl"
irm-score -s "$TMP/fin.json" -p "$TMP/leaks0.json" "$TMP/thief.jsonl" | factors indicator thief >"$TMP/got"
check_same "a rise over 5 x the own mean is more than the calendar's" "$TMP/got" "$TMP/want"
# Without a directory there are no departments.
irm-score -s "$S/settings.json" -p "$TMP/leaks0.json" "$TMP/shared.jsonl" | factors indicator >"$TMP/got"
check_same "without departments the rise is the user's" "$TMP/got" "$TMP/want"

# 2. The sequence: ana@ downloads the 12 files from SharePoint before
#    copying them (collection, exfiltration: 30).  Her own rise: many
#    files, x1.25, 38; the department's: the usual_for_user factor
#    names it, x0.5, 15.  sequence K [LABEL]: LABEL on the downloads.
# downloads USER PREFIX TO [LABEL]: USER's SharePoint downloads of
# PREFIX10.xlsx to PREFIX(TO - 1).xlsx at 10:10 to 10:(TO - 1) on
# 2026-03-10.
downloads() {
	k=10
	while [ $k -lt "$3" ]; do
		ev "2026-03-10T10:$k:00.000Z" "$2-$k" "$1" file_downloaded "${4:-}" \
		    ',"file":{"name":"'$2$k'.xlsx"},"url":{"full":"https://contoso.sharepoint.com/sites/x/'$2$k'.xlsx","domain":"contoso.sharepoint.com"}'
		k=$((k + 1))
	done
}
sequence() {
	tenant "$1"
	downloads ana@contoso.com f 22 "${2:-}"
}
sequence 3 | sort >"$TMP/seq.jsonl"
irm-score -s "$TMP/fin.json" -p "$TMP/leaks0.json" "$TMP/seq.jsonl" >"$TMP/seq.out"
factors sequence <"$TMP/seq.out" >"$TMP/got"
echo "15 steps+usual_for_user" >"$TMP/want"
check_same "a sequence through the department's rise is usual" "$TMP/got" "$TMP/want"
jq -r 'select(.irm.insight == "sequence") | .irm.factors[] | select(.name == "usual_for_user") | .detail' "$TMP/seq.out" >"$TMP/got"
echo "usb_copy 13/day, a rise 3 others of the department shared on the day, of 6 with a count" >"$TMP/want"
check_same "usual_for_user says whose rise it was" "$TMP/got" "$TMP/want"
# The same in two runs through --state (the second --final), cut on the
# day of the rise between the downloads and the copies: the peers'
# counts are those of the reloaded state.
awk -F'"' '$4 < "2026-03-10T11:00"' "$TMP/seq.jsonl" >"$TMP/seq.a"
awk -F'"' '$4 >= "2026-03-10T11:00"' "$TMP/seq.jsonl" >"$TMP/seq.b"
irm-score -s "$TMP/fin.json" -p "$TMP/leaks0.json" --state "$TMP/st" "$TMP/seq.a" >"$TMP/split"
irm-score -s "$TMP/fin.json" -p "$TMP/leaks0.json" --state "$TMP/st" --final "$TMP/seq.b" >>"$TMP/split"
factors sequence <"$TMP/split" >"$TMP/got"
echo "15 steps+usual_for_user" >"$TMP/want"
check_same "the department's rise holds across runs (--state)" "$TMP/got" "$TMP/want"
sequence 2 | sort >"$TMP/seq2.jsonl"
irm-score -s "$TMP/fin.json" -p "$TMP/leaks0.json" "$TMP/seq2.jsonl" | factors sequence >"$TMP/got"
echo "38 steps+many_files" >"$TMP/want"
check_same "a sequence through the user's own rise has many files" "$TMP/got" "$TMP/want"
# 3. The calendar explains the department's volume, not the priority
#    files among it: with the 12 files labelled Highly Confidential, 30
#    x 1.5 x 1.25 = 56 (irm-gen -u 100 -d 60 -s 201: a slow thief's 12
#    priority files among 14 printed at a quarter's end).
sequence 3 ',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"' | sort >"$TMP/seq3.jsonl"
irm-score -s "$TMP/fin.json" -p "$TMP/leaks0.json" "$TMP/seq3.jsonl" | factors sequence >"$TMP/got"
echo "56 steps+priority_content+many_files" >"$TMP/want"
check_same "priority files through the department's rise are not usual" "$TMP/got" "$TMP/want"

# 4. On the first days of a user's history (fewer than 3 active days),
#    the department's routine stands in for the user's, yet unknown:
#    new@'s first day in the data, 2026-03-10, downloads 6 files and
#    copies them to USB media, a channel all 6 colleagues use.  Many
#    files before, 38; now usual_for_user, 15 (irm-gen -u 1000 -d 60
#    -s 3: a financial analyst's download-then-print of 8 files on the
#    data's first day).
{
	fin_peers 0
	downloads new@contoso.com n 16
	usb_copies new@contoso.com u 2026-03-10T11:%d:00.000Z n%d.xlsx 10 16
} | sort >"$TMP/new.jsonl"
irm-score -s "$TMP/fin.json" -p "$TMP/leaks0.json" "$TMP/new.jsonl" >"$TMP/new.out"
factors sequence new <"$TMP/new.out" >"$TMP/got"
echo "15 steps+usual_for_user" >"$TMP/want"
check_same "a new user's sequence through the department's channel is usual" "$TMP/got" "$TMP/want"
jq -r 'select(.irm.insight == "sequence") | .irm.factors[] | select(.name == "usual_for_user") | .detail' "$TMP/new.out" >"$TMP/got"
echo "usb_copy 6/day on a history of 0 active days, a channel half of the peers or more used in the 30 days" >"$TMP/want"
check_same "usual_for_user says the peers stood in" "$TMP/got" "$TMP/want"

done_testing
