#!/bin/sh
# Regular expressions from the settings (hr.poor_rating) are bounded
# (irm-policy(5)): a back-reference and nested counted repetition are
# refused by --lint with FILE:LINE, before they can hang irm-score for
# minutes or take gigabytes to compile, and a long rating is matched on
# its first 1024 bytes only (tests/unit/test_lib.c checks the cut).
# Every run is under timeout (and a memory limit), so a hang fails fast.
. "$(dirname "$0")/lib.sh"
command -v timeout >/dev/null || skip_all "timeout missing"

plan 10

D=$TESTS/data/score/templates
# settings RE: the templates' settings with hr.poor_rating RE (JSON text).
settings() {
	RE=$1 perl -pe 's/"poor_rating": "[^"]*"/"poor_rating": "$ENV{RE}"/' \
	    "$D/settings.json" >"$TMP/settings.json"
	cp "$D"/*.csv "$TMP/" 2>/dev/null
	grep -qF "$1" "$TMP/settings.json"
}
# review RATING: Hank's poor review, then 20 downloads after hours.
review() {
	printf '{"@timestamp":"2026-02-20T09:00:00.000Z","event":{"id":"sha256:%064d","action":"Performance review","category":["iam"],"type":["info"],"module":"hr","dataset":"hr.review"},"user":{"name":"hank@contoso.com"},"irm":{"activity":"hr_review","hr":{"effective_date":"2026-02-20T09:00:00.000Z","rating":"%s"}}}\n' 1 "$1"
}
# bounded CMD...: CMD under 10 seconds and 2 GB of address space (the
# sanitizer build reserves terabytes of address space up front, so there
# only the time is bounded).
if ldd "$(command -v irm-score)" 2>/dev/null | grep -q libasan; then
	bounded() { timeout 10 "$@"; }
else
	bounded() { (ulimit -v 2000000; exec timeout 10 "$@"); }
fi
lint() {
	bounded irm-score -s "$TMP/settings.json" -p "$D/data_leaks_risky_users.json" --lint
}
a160=$(printf '%0160d' 0 | tr 0 a)

check "settings with a back-reference" settings '(a*)*\\1\\1x'
lint >"$TMP/out" 2>"$TMP/err"
check "a back-reference: --lint exits 2" test $? = 2
check "a back-reference: FILE:LINE and the reason" \
    grep -q "settings.json:20: hr.poor_rating: refused regular expression: back-reference" "$TMP/err"
review "$a160" >"$TMP/ev"
bounded irm-score -s "$TMP/settings.json" -p "$D/data_leaks_risky_users.json" \
    "$TMP/ev" >"$TMP/out" 2>"$TMP/err"
check "a back-reference: irm-score refuses at once (exit 2, no hang)" test $? = 2

check "settings with nested counted repetition" \
    settings '((((a{1,100}){1,100}){1,100}){1,100})'
lint >"$TMP/out" 2>"$TMP/err"
check "nested counted repetition: --lint exits 2" test $? = 2
check "nested counted repetition: FILE:LINE and the reason" \
    grep -q "settings.json:20: hr.poor_rating: refused regular expression: counted repetition" "$TMP/err"

settings 'x{1001}' >/dev/null
check_rc "more than 1000 atoms expanded: --lint exits 2" 2 lint

# Allowed, but slow on long text in glibc: a rating of 100000 characters
# is matched on its first 1024 bytes, so the run ends at once.
settings '(a|aa)*b' >/dev/null
check_rc "(a|aa)*b passes --lint" 0 lint
review "$(printf '%0100000d' 0 | tr 0 a)" >"$TMP/ev"
bounded irm-score -s "$TMP/settings.json" -p "$D/data_leaks_risky_users.json" \
    "$TMP/ev" >"$TMP/out" 2>"$TMP/err"
check "a 100000-character rating: done within the timeout" test $? = 0
done_testing
