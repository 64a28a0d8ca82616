#!/bin/sh
# irm-score's corroboration (irm-score(1) SCORING): one indicator on one
# day with nothing else pointing the same way is halved (uncorroborated),
# so it stays under min_score; a sequence of a file or two with nothing
# else is routine work; after-hours logons need after-hours exfiltration
# that is not the user's routine.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
S=$TESTS/data/score/scenario
plan 7

show() {
	jq -r '[.irm.insight,(.irm.indicator // "-"),.irm.day,.irm.score,
	    ([.irm.factors[].name]|join("+"))]|join(" ")' "$@"
}
printf '{"name": "leaks0", "template": "data_leaks", "triggers": [], "alert": {"min_score": 0}}\n' >"$TMP/leaks0.json"
HC=',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"'

# 1. 12 USB copies in a day (usb_copy: 20 x level 2 = 40) with nothing
#    else: x0.5 uncorroborated, 20, no insight (40 before the rule).  The
#    same with one file of priority content: 40 x 1.5 = 60, medium.
{
	k=10
	while [ $k -lt 22 ]; do
		ev "2026-03-04T10:$k:00.000Z" "a-$k" alone@contoso.com usb_copied "" ',"file":{"name":"f'$k'.txt"}'
		ev "2026-03-04T10:$k:00.000Z" "p-$k" prio@contoso.com usb_copied "$([ $k = 10 ] && echo "$HC")" ',"file":{"name":"f'$k'.txt"}'
		k=$((k + 1))
	done
} | sort >"$TMP/one.jsonl"
irm-score -s "$S/settings.json" -p "$TMP/leaks0.json" "$TMP/one.jsonl" |
    jq -r 'select(.irm.indicator == "usb_copy") | [.user.name,.irm.score,([.irm.factors[].name]|join("+")),.irm.factors[-1].detail]|join(" ")' >"$TMP/got"
cat >"$TMP/want" <<'OUT'
alone@contoso.com 20 level+uncorroborated no priority content, unallowed domain, unusual count, trigger, previous violation, after hours, first time or high count
prio@contoso.com 60 level+priority_content 1 of 12 touched priority content
OUT
check_same "a lone count is uncorroborated, priority content corroborates" "$TMP/got" "$TMP/want"
irm-score -s "$S/settings.json" -p "$S/leaks-all.json" "$TMP/one.jsonl" | show >"$TMP/got"
echo "indicator usb_copy 2026-03-04 60 level+priority_content" >"$TMP/want"
check_same "with the default min_score only the corroborated count is written" "$TMP/got" "$TMP/want"

# 2. Sequences: one file downloaded, printed and deleted is 45 points of
#    steps, routine work: x0.5, 23, nothing.  Five files the same way
#    (many_files) are corroborated: 45 x 1.25 = 56.
SP=',"url":{"full":"https://contoso.sharepoint.com/sites/x/a.docx","domain":"contoso.sharepoint.com"}'
seqof() {
	k=0
	while [ $k -lt "$2" ]; do
		ev "2026-03-04T09:0$k:00.000Z" "$1-d$k" "$1@contoso.com" file_downloaded "" ',"file":{"name":"r'$k'.docx"}'"$SP"
		ev "2026-03-04T11:0$k:00.000Z" "$1-p$k" "$1@contoso.com" printed "" ',"file":{"name":"r'$k'.docx"}'
		ev "2026-03-04T12:0$k:00.000Z" "$1-x$k" "$1@contoso.com" file_deleted "" ',"file":{"name":"r'$k'.docx"}'
		k=$((k + 1))
	done
}
{
	seqof one 1
	seqof five 5
} | sort >"$TMP/seq.jsonl"
irm-score -s "$S/settings.json" -p "$S/leaks-all.json" "$TMP/seq.jsonl" |
    jq -r 'select(.irm.insight == "sequence") | [.user.name,.irm.score,([.irm.factors[].name]|join("+"))]|join(" ")' >"$TMP/got"
echo "five@contoso.com 56 steps+many_files" >"$TMP/want"
check_same "a one-file sequence is routine, five files are not" "$TMP/got" "$TMP/want"
irm-score -s "$S/settings.json" -p "$TMP/leaks0.json" "$TMP/seq.jsonl" |
    jq -r 'select(.irm.insight == "sequence" and .user.name == "one@contoso.com") | [.irm.score,.irm.factors[-1].name,.irm.factors[-1].detail]|join(" ")' >"$TMP/got"
echo "23 uncorroborated 1 file, no unallowed domain, obfuscation, trigger or priority content" >"$TMP/want"
check_same "the routine sequence says what was looked for" "$TMP/got" "$TMP/want"

# 3. After-hours logons: night@ logs on once or twice every night for
#    four weeks, mailing a colleague at night, then 7 times one night
#    (after_hours_logon 15 x level 2 = 30, x1.25 unusual = 38 before the
#    rule): the hour alone, and mail at night as every night, do not
#    corroborate: x0.5.  usb@ has the same nights and on the 7-logon night
#    copies files to USB media for the first time: corroborated, 38.
sed 's/"min_daily": 10/"min_daily": 5/' "$S/settings.json" >"$TMP/settings5.json"
cat >"$TMP/ah.json" <<'EOF2'
{"name": "ah", "template": "security_violations", "triggers": [],
 "alert": {"min_score": 0},
 "indicators": {"after_hours_logon": {"weight": 15, "thresholds": [3, 5, 9]},
  "defense_evasion": false, "unwanted_software": false, "browse_risky": false,
  "badge_failed_priority_asset": false, "usb_mount": false}}
EOF2
{
	for u in night usb; do
		d=0
		while [ $d -lt 28 ]; do
			day=$(date -u -d "2026-02-02 + $d days" +%Y-%m-%d)
			ev "${day}T22:00:00.000Z" "$u-l-$day" "$u@contoso.com" logon
			[ $((d % 2)) = 0 ] && ev "${day}T23:00:00.000Z" "$u-l2-$day" "$u@contoso.com" logon
			ev "${day}T22:30:00.000Z" "$u-m-$day" "$u@contoso.com" email_sent "" ',"email":{"to":["bob@contoso.com"]}'
			d=$((d + 1))
		done
		k=0
		while [ $k -lt 7 ]; do
			ev "2026-03-02T2$k:00:00.000Z" "$u-n-$k" "$u@contoso.com" logon
			k=$((k + 1))
		done
	done
	ev 2026-03-02T23:30:00.000Z usb-c1 usb@contoso.com usb_copied "" ',"file":{"name":"x.txt"}'
} | sed 's/T2[4-6]:/T23:/' | sort >"$TMP/ah.jsonl"
irm-score -s "$TMP/settings5.json" -p "$TMP/ah.json" "$TMP/ah.jsonl" |
    jq -r 'select(.irm.day == "2026-03-02") | [.user.name,.irm.count,.irm.score,([.irm.factors[].name]|join("+"))]|join(" ")' | sort >"$TMP/got"
cat >"$TMP/want" <<'OUT'
night@contoso.com 7 19 level+unusual_activity+uncorroborated
usb@contoso.com 7 38 level+unusual_activity
OUT
check_same "after-hours logons need after-hours exfiltration new for the user" "$TMP/got" "$TMP/want"

# 4. Every score recomputes from its factors (irm-insight(5)).
cat "$TMP/one.jsonl" "$TMP/seq.jsonl" | sort | irm-score -s "$S/settings.json" -p "$TMP/leaks0.json" >"$TMP/all"
jq -r '(.irm.factors[0].points * (.irm.factors[1:]|map(.x)|reduce .[] as $x (1; . * $x)) + 0.5 | floor) as $s |
    select(([100, $s]|min) != .irm.score) | .event.id' "$TMP/all" >"$TMP/got"
check_same "every score recomputes from its factors" "$TMP/got" /dev/null
check "the factors are written" test -s "$TMP/all"
done_testing
