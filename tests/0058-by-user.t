#!/bin/sh
# irm-report --by-user: one record per user across policies, by risk (the
# lead alert's score plus 2 per corroborating activity, at most 10, at
# most 100): the records, the order and its ties, every format (goldens
# tests/golden/report/by-user.*, whose figures the checks below derive
# by hand from tests/data/report/by-user.jsonl), escaping through the
# shared csv and table code, the store (a dismissal lowers the user's
# risk, the last one takes the user out), usage errors.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 21

IN=$TOP/tests/data/report/by-user.jsonl
GOLD=$TOP/tests/golden/report

irm-report --by-user "$IN" >"$TMP/users" 2>"$TMP/err"
check_rc "exit 0, nothing on stderr" 0 test ! -s "$TMP/err"
check_same "jsonl: the golden output" "$TMP/users" "$GOLD/by-user.jsonl"

# ann: leaks 70 (usb_copy 03-10), theft 62 (usb_copy 03-10 again and
# 03-11), hours 40 (a sequence 03-12): 2 activities the lead lacks.
jq -r 'select(.user.name == "ann@contoso.com") | .irm.user_risk |
    [.risk, .severity, .score, .corroboration, .bonus, .count,
     (.policies | join(",")), (.indicators | join(","))] | join(" ")' \
    "$TMP/users" >"$TMP/got"
echo "74 high 70 2 4 3 leaks,theft,hours sequence,usb_copy" >"$TMP/want"
check_same "three policies, one record: risk 70 + 2 x 2, high" "$TMP/got" \
    "$TMP/want"
# Its alert ids are those of the alert records, lead (queue order) first.
irm-report "$IN" | jq -r 'select(.user.name == "ann@contoso.com") |
    "\(.irm.alert.score) \(.event.id)"' | sort -k1,1nr | cut -d' ' -f2 |
    awk '!seen[$0]++' | tr '\n' ' ' >"$TMP/want"
jq -r 'select(.user.name == "ann@contoso.com") | .irm.user_risk.alerts[]' \
    "$TMP/users" | tr '\n' ' ' >"$TMP/got"
check_same "the user's alert ids, in queue order" "$TMP/got" "$TMP/want"
jq -r 'select(.user.name == "ann@contoso.com") |
    [."@timestamp", .irm.user_risk.first_seen, .irm.user_risk.last_seen,
     .event.kind, .event.severity] | join(" ")' "$TMP/users" >"$TMP/got"
echo "2026-03-12T00:00:00.000Z 2026-03-10T00:00:00.000Z 2026-03-12T00:00:00.000Z user_risk 3" >"$TMP/want"
check_same "first and last seen over the policies" "$TMP/got" "$TMP/want"

# The order: frank 97 + 6 capped at 100; ann and bob tie at 74 (high,
# 03-12): by name; erin, dan and carol tie at 70: high first (erin's is
# newer than dan's), then carol (medium 60 + 10, six activities capped);
# gina's two policies saw the same activity: no bonus.
jq -r '[.user.name, .irm.user_risk.risk, .irm.user_risk.bonus] | join(" ")' \
    "$TMP/users" >"$TMP/got"
cat >"$TMP/want" <<'EOF'
frank@contoso.com 100 6
ann@contoso.com 74 4
bob@contoso.com 74 0
erin@contoso.com 70 0
dan@contoso.com 70 0
carol@contoso.com 70 10
gina@contoso.com 50 0
EOF
check_same "by risk; ties by severity, newest, name; bonus capped" \
    "$TMP/got" "$TMP/want"
jq -r '.irm.user_risk | [.risk, ([100, .score + ([10, 2 * .corroboration] |
    min)] | min)] | select(.[0] != .[1]) | @text' "$TMP/users" >"$TMP/got"
check "risk = min(100, score + min(10, 2 x corroboration)) in every record" \
    test ! -s "$TMP/got" -a -s "$TMP/users"
# The same input in another order gives the same bytes.
sort -r "$IN" | irm-report --by-user >"$TMP/rev"
check_same "the input's order does not change the view" "$TMP/rev" \
    "$GOLD/by-user.jsonl"
check "no alert records with --by-user" \
    test "$(jq -r .event.kind "$TMP/users" | sort -u)" = user_risk

# The document formats.
for f in csv table; do
	irm-report --by-user -f "$f" "$IN" >"$TMP/got.$f"
	check_same "-f $f: the golden output" "$TMP/got.$f" "$GOLD/by-user.$f"
done
irm-report --by-user -f html "$IN" >"$TMP/page.html"
ANN=$(jq -r 'select(.user.name == "ann@contoso.com") |
    .irm.user_risk.alerts[0]' "$TMP/users")
: >"$TMP/bad"
grep -q '^<h2>Users</h2>$' "$TMP/page.html" || echo "no users table" >>"$TMP/bad"
[ "$(grep -c '<section class="alert"' "$TMP/page.html")" = 13 ] ||
	echo "not a section per alert" >>"$TMP/bad"
grep -q "<td class=\"n\">74</td><td class=\"n\">4</td><td><a href=\"#$ANN\">ann@contoso.com</a>" \
    "$TMP/page.html" || echo "ann's row" >>"$TMP/bad"
[ "$(grep -o '<td><a href="#alr-[0-9a-f]*">[a-z]*@contoso.com' "$TMP/page.html" |
    sed 's/.*>//' | head -7 | tr '\n' ' ')" = "$(jq -r .user.name "$TMP/users" | tr '\n' ' ')" ] ||
	echo "users not in risk order" >>"$TMP/bad"
check "-f html: a users table, in order, linking to the alerts" \
    test ! -s "$TMP/bad"

# Hostile names go through the alert formats' escaping.
printf '%s\n' \
    '{"@timestamp":"2026-03-02T00:00:00.000Z","event":{"id":"h1"},"user":{"name":"=cmd|x\u001b[31m"},"rule":{"name":"-p,q"},"irm":{"insight":"indicator","indicator":"@SUM","count":1,"score":80}}' \
    >"$TMP/evil.jsonl"
irm-report --by-user -f csv "$TMP/evil.jsonl" | sed -n 2p |
    sed 's/alr-[0-9a-f]*/ALR/' >"$TMP/got"
printf "\"'=cmd|x?[31m\",80,high,80,0,0,1,\"'-p,q\",ALR,'@SUM,%s,%s\r\n" \
    2026-03-02T00:00:00.000Z 2026-03-02T00:00:00.000Z >"$TMP/want"
check_same "csv: formula injection neutralised, commas and controls quoted, ESC shown as ?" "$TMP/got" \
    "$TMP/want"
irm-report --by-user -f table "$TMP/evil.jsonl" | sed -n 2p >"$TMP/got"
LC_ALL=C tr -d '\n -~' <"$TMP/got" | wc -c | tr -d ' ' >"$TMP/n"
check "table: no escape sequence reaches the terminal" \
    sh -c "test \$(cat '$TMP/n') = 0 && grep -q '=cmd|x  ' '$TMP/got'"

# No alerts: no records, a header alone.
{
	irm-report --by-user </dev/null
	irm-report --by-user -f csv </dev/null
	irm-report --by-user -f table </dev/null
	echo "$?"
} >"$TMP/got" 2>&1
printf 'user,risk,severity,score,corroboration,bonus,count,policies,alerts,indicators,first_seen,last_seen\r\nSEVERITY  RISK  BONUS  USER  ALERTS  LAST_SEEN  POLICIES  INDICATORS\n0\n' >"$TMP/want"
check_same "no alerts: nothing in jsonl, a header in csv and table" \
    "$TMP/got" "$TMP/want"

# With a store: the store's open alerts, whatever the input.
S=$TMP/s
irm-report -S "$S" "$IN" >/dev/null
irm-report -S "$S" --by-user /dev/null >"$TMP/got"
check_same "-S: the store's open alerts, without input" "$TMP/got" \
    "$GOLD/by-user.jsonl"
# Dismiss ann's lead alert (leaks 70): theft (62) leads, hours' sequence
# corroborates: 62 + 2; she drops below erin, dan and carol.
irm-case -S "$S" -b t dismiss --reason "reviewed" "$ANN"
irm-report -S "$S" --by-user /dev/null >"$TMP/s1"
jq -r '[.user.name, .irm.user_risk.risk, .irm.user_risk.score,
    .irm.user_risk.count, (.irm.user_risk.alerts | index($a) != null)] |
    join(" ")' --arg a "$ANN" "$TMP/s1" | sed -n 6p >"$TMP/got"
echo "ann@contoso.com 64 62 2 false" >"$TMP/want"
check_same "-S: a dismissed alert leaves its user's record and lowers the risk" \
    "$TMP/got" "$TMP/want"
# Dismiss bob's only alert: bob leaves the view.
BOB=$(jq -r 'select(.user.name == "bob@contoso.com") |
    .irm.user_risk.alerts[0]' "$TMP/users")
irm-case -S "$S" -b t dismiss --reason "reviewed" "$BOB"
irm-report -S "$S" --by-user -f csv /dev/null | cut -d, -f1 | tail -n +2 |
    tr '\n' ' ' >"$TMP/got"
printf '%s ' frank erin dan carol ann gina | sed 's/ /@contoso.com /g' >"$TMP/want"
check_same "-S: a user without an open alert leaves the view" "$TMP/got" \
    "$TMP/want"
# A new insight of bob opens episode 2: bob is back, with the new alert.
printf '%s\n' '{"@timestamp":"2026-03-20T00:00:00.000Z","event":{"id":"b9"},"user":{"name":"bob@contoso.com"},"rule":{"name":"leaks"},"irm":{"insight":"indicator","indicator":"print","count":1,"score":30}}' |
    irm-report -S "$S" --by-user >"$TMP/s2"
jq -r 'select(.user.name == "bob@contoso.com") | [.irm.user_risk.risk,
    .irm.user_risk.severity, (.irm.user_risk.alerts[0] != $b)] | join(" ")' \
    --arg b "$BOB" "$TMP/s2" >"$TMP/got"
echo "30 low true" >"$TMP/want"
check_same "-S: the input's insights are recorded and in the view" \
    "$TMP/got" "$TMP/want"

# Usage errors.
{
	irm-report --by-user -f ocsf "$IN"
	echo "rc $?"
	irm-report --by-user -f o365 "$IN"
	echo "rc $?"
	irm-report --by-user --risk-levels "$IN"
	echo "rc $?"
} >"$TMP/got" 2>&1
cat >"$TMP/want" <<'EOF'
irm-report: --by-user: expected -f jsonl, csv, table or html: ocsf
rc 2
irm-report: --by-user: expected -f jsonl, csv, table or html: o365
rc 2
irm-report: --by-user and --risk-levels: choose one view
rc 2
EOF
check_same "o365, ocsf or --risk-levels with --by-user: usage errors" \
    "$TMP/got" "$TMP/want"
# dan@: leaks holds his one mail home as email_personal_domain (56),
# theft as email_self (50), the same event: one activity, no bonus (58
# before); a USB copy of another event in theft is one: 56 + 2.
dan() { # ID POLICY INDICATOR SCORE EVENT
	printf '{"@timestamp":"2026-03-05T00:00:00.000Z","event":{"kind":"signal","id":"%s","severity":2},"user":{"name":"dan@contoso.com"},"rule":{"name":"%s","ruleset":"data_leaks"},"irm":{"insight":"indicator","indicator":"%s","day":"2026-03-05","count":1,"score":%s,"severity":"medium","revision":0,"factors":[{"name":"level","detail":"","points":25}],"evidence":{"count":1,"ids":["%s"]}}}\n' "$@"
}
{
	dan d1 leaks email_personal_domain 56 e1
	dan d2 theft email_self 50 e1
} >"$TMP/dan.jsonl"
dan d3 theft usb_copy 40 e2 >"$TMP/dan3.jsonl"
for f in "$TMP/dan.jsonl" "$TMP/dan3.jsonl"; do
	[ "$f" = "$TMP/dan3.jsonl" ] && cat "$TMP/dan.jsonl" >>"$f"
	irm-report --by-user "$f" | jq -r '.irm.user_risk | [.risk, .corroboration] | join(" ")'
done >"$TMP/got"
printf '56 0\n58 1\n' >"$TMP/want"
check_same "an insight of the same events in another policy corroborates nothing" "$TMP/got" "$TMP/want"
done_testing
