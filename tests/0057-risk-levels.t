#!/bin/sh
# irm-report --risk-levels: per-user Adaptive Protection levels (elevated,
# moderate, minor) with every condition met as a reason; open alerts only,
# activity counted over the 7 days up to the newest alert.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 5

# ins ID USER POLICY DAY SCORE KIND INDICATOR
ins() {
	printf '{"@timestamp":"%sT00:00:00.000Z","event":{"kind":"signal","id":"%s","severity":2},"user":{"name":"%s"},"rule":{"name":"%s","ruleset":"data_leaks"},"irm":{"insight":"%s","indicator":"%s","day":"%s","count":3,"score":%s,"severity":"x","revision":0,"factors":[]}}\n' \
	    "$4" "$1" "$2" "$3" "$6" "$7" "$4" "$5"
}
{
	ins a1 u1@contoso.com leaks 2026-03-20 20 indicator file_downloaded
	ins b1 u2@contoso.com theft 2026-03-18 80 sequence ""
	ins b2 u2@contoso.com theft 2026-03-19 80 sequence ""
	ins b3 u2@contoso.com theft 2026-03-20 80 sequence ""
	ins c1 u3@contoso.com leaks 2026-03-15 70 indicator usb_copy
	ins c2 u3@contoso.com leaks 2026-03-16 70 indicator usb_copy
	ins c3 u3@contoso.com theft 2026-03-16 70 indicator usb_copy
	ins d1 u4@contoso.com leaks 2026-03-04 90 indicator cloud_upload
	ins e1 u5@contoso.com leaks 2026-03-20 50 indicator email_self
	ins f1 u6@contoso.com leaks 2026-03-20 40 indicator usb_copy
} >"$TMP/in"
irm-report --risk-levels "$TMP/in" >"$TMP/out" 2>"$TMP/err"
check_rc "exit 0, nothing on stderr" 0 test ! -s "$TMP/err"
jq -r '[.user.name, .irm.risk_level.level, (.irm.risk_level.reasons|join("; "))]|join(" | ")' "$TMP/out" >"$TMP/got"
cat >"$TMP/want" <<'OUT'
u2@contoso.com | elevated | elevated: 1 open high severity alert; elevated: 3 high severity sequence insights in 7 days
u3@contoso.com | elevated | elevated: 2 open high severity alerts; moderate: 2 high severity exfiltration insights in 7 days
u4@contoso.com | elevated | elevated: 1 open high severity alert
u5@contoso.com | moderate | moderate: 1 open medium severity alert
u6@contoso.com | moderate | moderate: 1 open medium severity alert
u1@contoso.com | minor | minor: 1 open low severity alert
OUT
check_same "levels by the Adaptive Protection rules, each with its reasons" "$TMP/got" "$TMP/want"
check "as of the newest alert, for 7 days, naming the user's alerts" test \
    "$(jq -r 'select(.user.name=="u3@contoso.com") | [."@timestamp", .irm.risk_level.until, (.irm.risk_level.alerts|length)]|join(" ")' "$TMP/out")" = \
    "2026-03-20T00:00:00.000Z 2026-03-27T00:00:00.000Z 2"

# A dismissed alert no longer counts: the level resets.
irm-report -S "$TMP/s" "$TMP/in" >/dev/null
E=$(irm-case -S "$TMP/s" list --user u5@contoso.com | jq -r .event.id)
irm-case -S "$TMP/s" -b t dismiss --reason "expected" "$E"
irm-report -S "$TMP/s" --risk-levels /dev/null >"$TMP/out2"
check "a dismissal resets the user's level" test \
    "$(jq -r .user.name "$TMP/out2" | tr '\n' ' ')" = "u2@contoso.com u3@contoso.com u4@contoso.com u6@contoso.com u1@contoso.com "
check "with --risk-levels no alert record is written" \
    test "$(jq -r .event.kind "$TMP/out" | sort -u)" = risk_level
