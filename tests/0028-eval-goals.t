#!/bin/sh
# Detection quality on one small seed (issue 16's goals, make eval in
# full): irm-gen seed 1, 300 users over 60 days, one in ten of the users
# without a scenario taking a file of their own home now and then
# (--personal 10, as make eval; with 5e564db's irm-score, 0.71% of them
# had a high alert for it), through the whole pipeline (bench/eval.sh),
# must keep every planted insider at its
# expected severity, the users without a scenario under 1% medium or
# high and 0.25% high per 60 days, the benign look-alikes quiet and the
# CERT-shaped scenarios caught.  The rank goals (every insider in the top
# 2% of alerts) are printed, not checked: with 13 insiders among about
# 25 alerts only the first rank is in the top 2%.  Not in the sanitizer
# tree (several minutes there; the same code runs in the other tests).
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer tree" ;; esac
plan 5

sh "$TESTS/../bench/eval.sh" --jobs 1 -s 1 -u 300 -d 60 --personal 10 >"$TMP/eval" 2>"$TMP/err"
rc=$?
sed -n '/^### Goals/,$p' "$TMP/eval" >"$TMP/goals"
goal() {
	if grep -q "^- $2.*: PASS\$" "$TMP/goals"; then ok "$1"; else
		not_ok "$1"; echo "# exit $rc"; sed 's/^/# /' "$TMP/goals"
		sed 's/^/# /' "$TMP/err" | tail -5; fi
}
goal "every planted insider at its expected severity" \
    "every planted insider at its expected severity or above: [0-9]* of"
goal "users without a scenario: medium or high at most 1% per 60 days" \
    "users without a scenario with a medium or high alert"
goal "users without a scenario: high at most 0.25% per 60 days" \
    "users without a scenario with a high alert"
goal "benign look-alikes never medium or high" "benign look-alikes"
goal "CERT-shaped scenarios caught at 90% or more" "CERT-shaped scenarios"
