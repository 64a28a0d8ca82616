#!/bin/sh
# Each examples/NAME.sh, run from the top of the tree with the binaries on
# PATH, must exit 0, write nothing to stderr and print exactly
# examples/NAME.out: one test per example.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1
scripts=$(ls examples/*.sh)
n=$(echo "$scripts" | wc -l)
plan $((n))
for s in $scripts; do
	name=${s%.sh}
	IRM_DEMO_HTML=$TMP/irm-report.html sh "$s" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ "$rc" != 0 ] || [ -s "$TMP/err" ]; then
		not_ok "$s: exit $rc"
		sed 's/^/# /' "$TMP/err"
		continue
	fi
	check_same "$s" "$TMP/out" "$name.out"
done
done_testing
