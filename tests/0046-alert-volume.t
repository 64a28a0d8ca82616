#!/bin/sh
# irm-score's alert_volume setting (irm-policy(5)): Purview's knob,
# "fewer" adds 16 to every policy's alert.min_score, "more" takes 17
# off, "default" leaves it.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
S=$TESTS/data/score/scenario
plan 5

HC=',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"'
printf '{"name": "leaks40", "template": "data_leaks", "triggers": [], "alert": {"min_score": 40}}\n' >"$TMP/leaks40.json"
# p60@: 12 USB copies, three of priority content: 40 x 1.5 = 60.
# n50@: 12 USB copies at night: 40 x 1.25 = 50.
# l30@: 3 USB copies of priority content: 20 x 1.5 = 30.
{
	usb_copies p60@contoso.com p 2026-03-04T10:%d:00.000Z f%d.txt 10 22 "$HC" 3
	usb_copies n50@contoso.com n 2026-03-04T22:%d:00.000Z f%d.txt 10 22
	usb_copies l30@contoso.com l 2026-03-04T10:%d:00.000Z f%d.txt 10 13 "$HC"
} | sort >"$TMP/ev.jsonl"
run() {
	sed 's|^}$|'"${1:+, \"alert_volume\": \"$1\"}"'}|' "$S/settings.json" >"$TMP/settings.json"
	irm-score -s "$TMP/settings.json" -p "$TMP/leaks40.json" "$TMP/ev.jsonl" |
	    jq -r '[.user.name,.irm.score]|join(" ")' | sort | tr '\n' ' '
}
check_same_str() {
	printf '%s\n' "$2" >"$TMP/want"
	printf '%s\n' "$3" >"$TMP/got"
	check_same "$1" "$TMP/got" "$TMP/want"
}
check_same_str "min_score 40 as written" "n50@contoso.com 50 p60@contoso.com 60 " "$(run "")"
check_same_str "default: the same" "n50@contoso.com 50 p60@contoso.com 60 " "$(run default)"
check_same_str "fewer: min_score 56" "p60@contoso.com 60 " "$(run Fewer)"
check_same_str "more: min_score 23" "l30@contoso.com 30 n50@contoso.com 50 p60@contoso.com 60 " "$(run more)"
sed 's|^}$|, "alert_volume": "lots"}|' "$S/settings.json" >"$TMP/bad.json"
irm-score -s "$TMP/bad.json" -p "$TMP/leaks40.json" "$TMP/ev.jsonl" >"$TMP/out" 2>"$TMP/err"
rc=$?
check "an unknown alert_volume is a usage error naming the values" \
    sh -c "test $rc = 2 && grep -q 'alert_volume: must be \"fewer\", \"default\" or \"more\"' '$TMP/err'"
