#!/bin/sh
# irm-report's CI gate: before exiting 4, --fail-on names on stderr each
# open alert at or above the level (id, user, policy, severity, score),
# in queue order, then a count; --fail-on-new counts only the alerts this
# run opened or changed, so that with -S a job is not red for ever while
# an alert waits for review.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 13

# ins ID USER POLICY DAY SCORE [REVISION]: one insight.
ins() {
	printf '{"@timestamp":"%sT00:00:00.000Z","event":{"kind":"signal","id":"%s","severity":2},"user":{"name":"%s"},"rule":{"name":"%s","ruleset":"data_leaks"},"irm":{"insight":"indicator","indicator":"usb_copy","day":"%s","count":7,"score":%s,"severity":"x","revision":%s}}\n' \
	    "$4" "$1" "$2" "$3" "$4" "$5" "${6:-0}"
}
{
	ins i1 alice@contoso.com leaks 2026-03-02 70
	ins i2 bob@contoso.com leaks 2026-03-02 90
	ins i3 carol@contoso.com leaks 2026-03-02 40
	ins i4 dave@contoso.com departing 2026-03-03 20
} >"$TMP/day1"
irm-report "$TMP/day1" >"$TMP/alerts"
id() { jq -r "select(.user.name == \"$1\") | .event.id" "$TMP/alerts"; }
A=$(id alice@contoso.com) B=$(id bob@contoso.com) C=$(id carol@contoso.com)

S=$TMP/store

# gate RC ARGS...: irm-report ARGS; passes when it exits RC, its stderr
# in $TMP/err.
gate() {
	_want=$1
	shift
	irm-report "$@" >/dev/null 2>"$TMP/err"
	[ $? = "$_want" ]
}

check "--fail-on high: exit 4" gate 4 -S "$S" --fail-on high "$TMP/day1"
cat >"$TMP/want" <<EOF2
irm-report: $B: user bob@contoso.com, policy leaks, severity high, score 90
irm-report: $A: user alice@contoso.com, policy leaks, severity high, score 70
irm-report: 2 alerts at or above high (--fail-on high)
EOF2
check_same "--fail-on high: each high alert named, best first" "$TMP/err" "$TMP/want"

# The same insights again: replays.  The store still holds the alerts.
check "again, --fail-on high: exit 4 (the store's alerts)" \
    gate 4 -S "$S" --fail-on high "$TMP/day1"
check "again, --fail-on-new high: exit 0 (nothing new)" \
    gate 0 -S "$S" --fail-on-new high "$TMP/day1"
check "again, --fail-on-new high: nothing on stderr" test ! -s "$TMP/err"

# A new insight updates alice's alert, another opens erin's low alert.
{
	ins i1 alice@contoso.com leaks 2026-03-02 70
	ins i5 alice@contoso.com leaks 2026-03-03 30
	ins i6 erin@contoso.com leaks 2026-03-03 10
} >"$TMP/day2"
check "a changed high alert: --fail-on-new high exits 4" \
    gate 4 -S "$S" --fail-on-new high "$TMP/day2"
cat >"$TMP/want" <<EOF2
irm-report: $A: user alice@contoso.com, policy leaks, severity high, score 72
irm-report: 1 new or changed alert at or above high (--fail-on-new high)
EOF2
check_same "--fail-on-new high: only the changed alert named" "$TMP/err" "$TMP/want"

# Dismissed, bob's alert no longer fails the gate.
irm-case -S "$S" dismiss --reason "reviewed" "$B" >/dev/null
check "a dismissed alert does not count: exit 4" \
    gate 4 -S "$S" --fail-on medium --allow-empty /dev/null
cat >"$TMP/want" <<EOF2
irm-report: $A: user alice@contoso.com, policy leaks, severity high, score 72
irm-report: $C: user carol@contoso.com, policy leaks, severity medium, score 40
irm-report: 2 alerts at or above medium (--fail-on medium)
EOF2
check_same "a dismissed alert is not named" "$TMP/err" "$TMP/want"

# Without a store every alert of the input is new.
check "without -S, --fail-on-new low: exit 4" gate 4 --fail-on-new low "$TMP/day2"
check "--fail-on-new on empty input: exit 3" gate 3 --fail-on-new high /dev/null
check "--fail-on with --fail-on-new: exit 2" \
    gate 2 --fail-on high --fail-on-new high /dev/null
# A user name with an escape sequence is quoted, never sent to a terminal.
printf '{"@timestamp":"2026-03-02T00:00:00.000Z","event":{"id":"i9"},"user":{"name":"x\\u001b]0;pwned\\u0007y"},"rule":{"name":"leaks"},"irm":{"score":80}}\n' >"$TMP/esc"
gate 4 --fail-on high "$TMP/esc"
check "control characters in a user name are quoted" \
    sh -c "! grep -q \"\$(printf '\\033')\" '$TMP/err' && grep -q 'user x?]0;pwned?y,' '$TMP/err'"
done_testing
