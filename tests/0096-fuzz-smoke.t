#!/bin/sh
# The fuzz smoke: where clang and libFuzzer are (make check then builds
# build/fuzz/fuzz_*), each libFuzzer target runs for a few seconds on its
# corpus; a crash fails it.  Once, in the plain tree: the targets carry
# their own sanitizers.  make fuzz runs them for longer.
. "$(dirname "$0")/lib.sh"
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer tree: the targets run once" ;; esac
bins=$(ls "$TOP"/build/fuzz/fuzz_* 2>/dev/null)
[ -n "$bins" ] || skip_all "no fuzz targets built (no clang or libFuzzer)"
plan $(echo "$bins" | wc -l)
# shellcheck disable=SC2086
sh "$TESTS/fuzz/run.sh" "${FUZZ_SMOKE_SECONDS:-2}" 16384 $bins >"$TMP/log" 2>&1
for b in $bins; do
	t=${b##*/fuzz_}
	line=$(grep "^fuzz $t " "$TMP/log")
	case $line in
	*" ok "*) ok "fuzz $t: ${line#fuzz $t }" ;;
	*) not_ok "fuzz $t: ${line:-no result}"
	   sed -n "/^fuzz $t /,/^fuzz /p" "$TMP/log" | sed 's/^/# /' ;;
	esac
done
