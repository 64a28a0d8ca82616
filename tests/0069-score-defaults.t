#!/bin/sh
# irm-score's defaults without a settings file (irm-policy(5) SETTINGS):
# unusual.min_daily is 5.  A CERT job hunter's rise is 5 to 8 USB copies
# a day against one or two before: at the old default of 10, 11 of the
# 72 on irm-gen's 19 CERT-format tenants had no alert when scored
# without settings, 4 with irm-gen's settings (5).
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 3

printf '{"name": "leaks0", "template": "data_leaks", "alert": {"min_score": 0}}\n' >"$TMP/leaks0.json"
# copier@ downloads two files and copies one to USB media every weekday
# from 2026-02-02, then 7 on Tuesday 2026-03-10: 7 >= max(5, 3 x 30-day
# mean 0.70).  steady@ copies 7 a day every weekday: usual for it.
{
	weekdays copier@contoso.com 2026-02-02 38 09 usb
	usb_copies copier@contoso.com c 2026-03-10T11:%d:00.000Z f%d.xlsx 10 16
	weekdays steady@contoso.com 2026-02-02 38 09 usb
	for day in $(weekday_list 2026-02-02 38); do
		usb_copies steady@contoso.com "s$day" "${day}T11:%d:00.000Z" s%d.zip 10 16
	done
} | sort >"$TMP/ev.jsonl"
irm-score -p "$TMP/leaks0.json" "$TMP/ev.jsonl" >"$TMP/out"
check "irm-score runs without settings" test -s "$TMP/out"
jq -r 'select(.irm.day == "2026-03-10" and .irm.indicator == "usb_copy") |
    .user.name + " " + (.irm.factors[] | select(.name == "unusual_activity") | .detail)' \
    "$TMP/out" >"$TMP/got"
echo "copier@contoso.com 7/day >= max(5, 3 x 30-day mean 0.70)" >"$TMP/want"
check_same "7 USB copies against 1 a day are unusual by default" "$TMP/got" "$TMP/want"
jq -r 'select(.user.name == "steady@contoso.com" and .irm.day == "2026-03-10" and .irm.indicator == "usb_copy") |
    [.irm.score, ([.irm.factors[].name] | join("+"))] | join(" ")' "$TMP/out" >"$TMP/got"
echo "5 level+usual_for_user+uncorroborated" >"$TMP/want"
check_same "7 a day every day stay usual" "$TMP/got" "$TMP/want"

done_testing
