#!/bin/sh
# tests/run.sh TREE... - run the TAP tests once per build tree (the plain
# build and the sanitizer build), with that tree's binaries first in PATH,
# and print one combined line "N passed, N failed".
top=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
: "${IRM_SHARED:=$(cd "$top/.." && pwd)/shared/data}"
export IRM_SHARED
for tree in "$@"; do
	echo "== tests with $tree" >&2
	unit=$(ls "$tree"/tests/unit/test_* 2>/dev/null | grep -v '\.c$')
	PATH="$tree/cmd:$PATH" ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	    UBSAN_OPTIONS=print_stacktrace=1 IRM_TREE="$tree" \
	    prove -v -e sh "$top"/tests/*.t >"$log" 2>&1 || status=1
	if [ -n "$unit" ]; then
		prove -v $unit >>"$log" 2>&1 || status=1
	fi
	grep -E '^(not ok|ok|All tests|Result|Failed|.*\.t \.\.)' "$log" |
	    grep -vE '^ok ' >&2
	p=$(grep -c '^ok ' "$log")
	f=$(grep '^not ok ' "$log" | grep -vc '# TODO')
	# A script that died or missed its plan counts as one failure.
	b=$(grep -cE 'Wstat|Bad plan|No plan found|Parse errors' "$log")
	passed=$((passed + p))
	failed=$((failed + f + b))
done
echo "$passed passed, $failed failed"
[ "$status" = 0 ] && [ "$failed" = 0 ]
