#!/bin/sh
# irm-score --lint names the likely meant name of an unknown settings
# key, template, trigger, indicator, policy key or field (one edit up to
# four characters, two up to eight, else three, case-blind, a swap of
# neighbours counting one), and nothing when no name is that close; it
# flags values that can never match: a domain written as a URL, an
# extension with a wildcard or a space, a users.include pattern that
# matches nobody in the directory; ".png" and "*.png" mean "png".
. "$(dirname "$0")/lib.sh"
plan 17

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

printf 'user,department,manager,title\nann@contoso.com,Sales,,Rep\n' \
    >"$TMP/dir.csv"
cat >"$TMP/s2.json" <<'JSON'
{"domains": {"unallowed": ["https://gmail.com/x", "dropbox.com/"]},
 "exclusions": {"file_types": ["*.png", ".mp3", "wav", "*.mp*", "a b"]},
 "directory": "dir.csv"}
JSON
printf '%s\n' '{"name": "y", "template": "custom", "users": {"include":' \
    '["ann@contoso.com", "bob@contso.com", "*@contoso.com"]}}' >"$TMP/p2.json"
irm-score -s "$TMP/s2.json" -p "$TMP/p2.json" --lint 2>"$TMP/err"
has "a domain with a scheme and a path" \
    'domains.unallowed[0]: a domain, not a URL: leave out the scheme and the path: "https://gmail.com/x"'
has "a domain with a path" 'domains.unallowed[1]: a domain, not a URL'
has "an extension with a wildcard" 'exclusions.file_types[3]: an extension such as "png"'
has "an extension with a space" 'exclusions.file_types[4]: an extension such as "png"'
has "a users pattern that matches nobody in the directory" \
    'p2.json: users.include[1]: "bob@contso.com" matches no user of the directory'
# "*.png" excludes a png file: the USB copies of a.png are not scored.
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	printf '{"@timestamp":"2026-03-02T10:%02d:00.000Z","event":{"id":"u%s"},"user":{"name":"ann@contoso.com"},"irm":{"activity":"usb_copied"},"file":{"name":"a%s.png","extension":"png"}}\n' \
	    "$i" "$i" "$i"
done >"$TMP/ev"
printf '{"exclusions": {"file_types": ["*.png"]}}\n' >"$TMP/s3.json"
printf '{}\n' >"$TMP/s4.json"
printf '%s\n' '{"name": "z", "template": "custom", "triggers": [],' \
    '"indicators": {"usb_copy": true}, "alert": {"min_score": 1}}' \
    >"$TMP/p3.json"
with=$(irm-score -s "$TMP/s3.json" -p "$TMP/p3.json" --final "$TMP/ev" | wc -l)
without=$(irm-score -s "$TMP/s4.json" -p "$TMP/p3.json" --final "$TMP/ev" |
    wc -l)
check "\"*.png\" excludes png files ($with insights, $without without)" \
    test "$with" = 0 -a "$without" -gt 0
done_testing
