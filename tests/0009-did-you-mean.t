#!/bin/sh
# irm-score --lint names the likely meant name of an unknown settings
# key, template, trigger, indicator, policy key or field (one edit up to
# four characters, two up to eight, else three, case-blind, a swap of
# neighbours counting one), and nothing when no name is that close.
. "$(dirname "$0")/lib.sh"
plan 11

cat >"$TMP/p.json" <<'JSON'
{
	"name": "x",
	"template": "data_leak",
	"triggers": ["hr_resignaton", "exfiltration", "zzzz"],
	"indicators": {"usb_cpy": true, "print": {"wieght": 3}},
	"alert": {"min_scor": 40},
	"sequence": true,
	"users": {"inclde": ["*"]},
	"nothing_like_it": 1
}
JSON
printf '{"domain": {}, "working_hours": {"zone": "UTC", "strat": "08:00"}}\n' \
    >"$TMP/s.json"
irm-score -s "$TMP/s.json" -p "$TMP/p.json" --lint 2>"$TMP/err"
echo "exit $?" >>"$TMP/err"
has() {
	check "$1" grep -qF -- "$2" "$TMP/err"
}
has "settings key" 's.json:1: unknown key: domain (did you mean "domains"?)'
has "settings field" 'unknown key: working_hours.strat (did you mean "start"?)'
has "template" 'p.json:3: template: unknown template: "data_leak" (did you mean "data_leaks"?)'
has "trigger" 'p.json:4: triggers[0]: unknown trigger: "hr_resignaton" (did you mean "hr_resignation"?)'
has "indicator" 'p.json:5: indicators: unknown indicator: "usb_cpy" (did you mean "usb_copy"?)'
has "indicator field" 'unknown key: indicators.print.wieght (did you mean "weight"?)'
has "alert field" 'p.json:6: unknown key: alert.min_scor (did you mean "min_score"?)'
has "policy key" 'p.json:7: unknown key: sequence (did you mean "sequences"?)'
has "users field" 'p.json:8: unknown key: users.inclde (did you mean "include"?)'
check "no suggestion when nothing is close" sh -c \
    "grep -q 'unknown trigger: \"zzzz\"\$' '$TMP/err' &&
    grep -q 'unknown key: nothing_like_it\$' '$TMP/err'"
check "--lint exits 2" grep -qx 'exit 2' "$TMP/err"
done_testing
