#!/bin/sh
# The fuzz smoke: where the fuzz targets are built (make check FUZZ=1
# builds build/fuzz/fuzz_*), each libFuzzer target runs for a second on
# its corpus; a crash fails it.  Once: the targets carry their own
# sanitizers and are the same whatever the tree.  make check FUZZ=1 runs
# them in the sanitizer tree's run, which has less else to do than the
# plain tree's (0090 and 0091 are plain only); a plain make check skips
# them, and run by hand (no IRM_TREE) it runs too.  make fuzz runs them
# for longer.
. "$(dirname "$0")/lib.sh"
case ${IRM_TREE:-} in
'') ;;
*/build/asan)
	[ "${IRM_FUZZ_SMOKE:-}" = 1 ] ||
	    skip_all "make check FUZZ=1 builds the targets and runs them" ;;
*) skip_all "plain tree: the targets run once, in the sanitizer tree's run" ;;
esac
bins=$(ls "$TOP"/build/fuzz/fuzz_* 2>/dev/null)
[ -n "$bins" ] || skip_all "no fuzz targets built (no clang or libFuzzer)"
plan $(echo "$bins" | wc -l)
# shellcheck disable=SC2086
sh "$TESTS/fuzz/run.sh" "${FUZZ_SMOKE_SECONDS:-1}" 16384 $bins >"$TMP/log" 2>&1
for b in $bins; do
	t=${b##*/fuzz_}
	line=$(grep "^fuzz $t " "$TMP/log")
	case $line in
	*" ok "*) ok "fuzz $t: ${line#fuzz $t }" ;;
	*) not_ok "fuzz $t: ${line:-no result}"
	   sed -n "/^fuzz $t /,/^fuzz /p" "$TMP/log" | sed 's/^/# /' ;;
	esac
done
