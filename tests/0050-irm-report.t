#!/bin/sh
# irm-report (first slice): insights become alerts, one per user and
# policy, with deterministic ids; a replay changes nothing; the score
# rises with evidence; --fail-on gates CI; bad insights are rejected.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 10

# ins ID USER POLICY DAY SCORE [REVISION [KIND]]: one insight.
ins() {
	printf '{"@timestamp":"%sT00:00:00.000Z","event":{"kind":"signal","id":"%s","severity":2},"user":{"name":"%s"},"rule":{"name":"%s","ruleset":"data_leaks"},"irm":{"insight":"%s","indicator":"usb_copy","day":"%s","count":7,"score":%s,"severity":"x","revision":%s,"factors":[{"name":"level","detail":"","points":20},{"name":"priority_content","detail":"","x":1.5}]}}\n' \
	    "$4" "$1" "$2" "$3" "${7:-indicator}" "$4" "$5" "${6:-0}"
}
fields() {
	jq -r '[.event.id[0:4],.user.name,.rule.name,.irm.alert.score,
	    .irm.alert.severity,.irm.alert.change,.irm.alert.count,
	    .irm.alert.first_seen[0:10],.irm.alert.last_seen[0:10],
	    (.irm.alert.risk_factors|join("+"))]|join(" ")'
}
{
	ins i1 alice@contoso.com leaks 2026-03-02 30
	ins i2 alice@contoso.com leaks 2026-03-03 60
	ins i1 alice@contoso.com leaks 2026-03-02 30
	ins i3 bob@contoso.com leaks 2026-03-03 20
	ins i2 alice@contoso.com leaks 2026-03-03 70 1
	ins i4 alice@contoso.com departing 2026-03-04 90
} >"$TMP/in.jsonl"
irm-report "$TMP/in.jsonl" >"$TMP/out" 2>"$TMP/err"
check_rc "exit 0, nothing on stderr" 0 test ! -s "$TMP/err"
fields <"$TMP/out" >"$TMP/got"
# Score: the best insight plus 2 per further insight; the replay of i1
# writes nothing; the revision of i2 updates the alert.
cat >"$TMP/want" <<'OUT'
alr- alice@contoso.com leaks 30 low new 1 2026-03-02 2026-03-02 priority_content
alr- alice@contoso.com leaks 62 medium updated 2 2026-03-02 2026-03-03 priority_content
alr- bob@contoso.com leaks 20 low new 1 2026-03-03 2026-03-03 priority_content
alr- alice@contoso.com leaks 72 high updated 2 2026-03-02 2026-03-03 priority_content
alr- alice@contoso.com departing 90 high new 1 2026-03-04 2026-03-04 priority_content
OUT
check_same "one alert per user and policy; replays change nothing" "$TMP/got" "$TMP/want"
jq -r '.event.id' "$TMP/out" | sort -u | wc -l | tr -d ' ' >"$TMP/got"
echo 3 >"$TMP/want"
check_same "three distinct alert ids" "$TMP/got" "$TMP/want"
irm-report "$TMP/in.jsonl" | cmp -s - "$TMP/out"
check "the same insights give the same alerts, byte for byte" test $? = 0
irm-report "$TMP/in.jsonl" "$TMP/in.jsonl" >"$TMP/twice"
check_same "replaying the whole input adds nothing" "$TMP/twice" "$TMP/out"

# --fail-on: findings exit 4; below the level 0; empty input 3 unless
# --allow-empty.
irm-report --fail-on high "$TMP/in.jsonl" >/dev/null 2>&1; a=$?
irm-report --fail-on high </dev/null >/dev/null 2>"$TMP/err"; b=$?
irm-report --fail-on high --allow-empty </dev/null >/dev/null 2>&1; c=$?
ins i9 carol@contoso.com leaks 2026-03-02 20 | irm-report --fail-on medium >/dev/null 2>&1; d=$?
echo "$a $b $c $d" >"$TMP/got"
echo "4 3 0 0" >"$TMP/want"
check_same "--fail-on: 4 on findings, 3 on empty input, 0 with --allow-empty or below" \
    "$TMP/got" "$TMP/want"
echo "irm-report: no insights read (use --allow-empty if none is right)" >"$TMP/want"
check_same "--fail-on on empty input says why" "$TMP/err" "$TMP/want"

# Bad input: one message with file and line, --reject, the rest kept.
{
	ins i1 alice@contoso.com leaks 2026-03-02 30
	echo '{"event":{"id":"x"}}'
	echo 'not json'
	ins i2 alice@contoso.com leaks 2026-03-03 60
} >"$TMP/bad.jsonl"
irm-report -r "$TMP/rej" "$TMP/bad.jsonl" >"$TMP/out" 2>"$TMP/err"
echo "$? $(wc -l <"$TMP/out") $(wc -l <"$TMP/rej")" >"$TMP/got"
echo "1 2 2" >"$TMP/want"
check_same "bad insights: exit 1, two alerts, two rejected lines" "$TMP/got" "$TMP/want"

# One mail to carol@'s own Gmail is an email_personal_domain and an
# email_self insight of the same events: one thing done, no +2 (58
# before).  A third insight of other events adds 2.
ev_ins() { # ID INDICATOR SCORE EVENT-IDS
	printf '{"@timestamp":"2026-03-05T00:00:00.000Z","event":{"kind":"signal","id":"%s","severity":2},"user":{"name":"carol@contoso.com"},"rule":{"name":"leaks","ruleset":"data_leaks"},"irm":{"insight":"indicator","indicator":"%s","day":"2026-03-05","count":1,"score":%s,"severity":"medium","revision":0,"factors":[{"name":"level","detail":"","points":25}],"evidence":{"count":1,"ids":[%s]}}}\n' "$@"
}
{
	ev_ins m1 email_personal_domain 56 '"e1"'
	ev_ins m2 email_self 56 '"e1"'
	ev_ins m3 usb_copy 40 '"e2"'
} >"$TMP/same.jsonl"
irm-report "$TMP/same.jsonl" | jq -r '.irm.alert | [.count, .score] | join(" ")' >"$TMP/got"
printf '1 56\n2 56\n3 58\n' >"$TMP/want"
check_same "an insight of the same events as another adds nothing to the score" "$TMP/got" "$TMP/want"

# The whole pipeline on the example tenant: the departing user's alert is
# high and CI's gate fails on it.
irm-norm "$TOP"/examples/tenant/* | sort |
    irm-score -s "$TOP/examples/settings.json" -p "$TOP/examples/policies" |
    irm-report --fail-on high >"$TMP/out"; rc=$?
jq -r 'select(.irm.alert.severity == "high") | .user.name' "$TMP/out" | sort -u >"$TMP/got"
echo "adele.vance@contoso.com" >"$TMP/want"
check_same "example tenant: only the departing user reaches high (exit $rc)" "$TMP/got" "$TMP/want"
done_testing
