#!/bin/sh
# The fuzz targets' kept crashing inputs (tests/fuzz/crashes/TARGET/*)
# replay through the targets built with a plain main (replay.c), in the
# plain and the sanitizer build: each must run to its end.  Every target
# also runs once on an empty input,
# so a target that no longer builds or starts fails here.
. "$(dirname "$0")/lib.sh"
: "${IRM_TREE:=$TOP}"
F=$TESTS/fuzz
targets=$(cd "$F" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
crashes=$(cd "$F" && ls -d crashes/*/* 2>/dev/null)
plan $(($(echo $targets | wc -w) + $(echo $crashes | wc -w)))

: >"$TMP/empty"
for t in $targets; do
	check "replay_$t runs on an empty input" \
	    "$IRM_TREE/tests/fuzz/replay_$t" "$TMP/empty"
done
for c in $crashes; do
	t=${c#crashes/}
	t=${t%%/*}
	check "replay_$t: $c" "$IRM_TREE/tests/fuzz/replay_$t" "$F/$c"
done
