#!/bin/sh
# Golden cases for irm-norm: tests/golden/norm/CASE.cmd is a shell command
# run in tests/data/norm (so messages name files by relative paths), with
# $T a scratch directory for files it writes; CASE.out is the
# expected stdout, CASE.err the expected stderr (default empty) and CASE.rc
# the expected exit status (default 0).
. "$(dirname "$0")/lib.sh"
D=$TESTS/data
export D
cases=$(ls "$TESTS"/golden/norm/*.cmd)
plan $(($(echo "$cases" | wc -l) * 3))
for cmd in $cases; do
	base=${cmd%.cmd}
	name=$(basename "$base")
	want_rc=0
	[ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
	rm -rf "$TMP/t" && mkdir "$TMP/t"
	(cd "$D/norm" && T="$TMP/t" sh "$cmd" >"$TMP/out" 2>"$TMP/err")
	rc=$?
	if [ "$rc" = "$want_rc" ]; then ok "$name: exit $rc"; else
		not_ok "$name: exit $rc, want $want_rc"; fi
	check_same "$name: stdout" "$TMP/out" "$base.out"
	if [ -f "$base.err" ]; then
		check_same "$name: stderr" "$TMP/err" "$base.err"
	else
		check_same "$name: stderr" "$TMP/err" /dev/null
	fi
done
done_testing
