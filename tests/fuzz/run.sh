#!/bin/sh
# tests/fuzz/run.sh SECONDS MAXLEN TARGET... - run each libFuzzer target
# (build/fuzz/fuzz_NAME) for SECONDS, one after another on one core, with
# its corpus in build/fuzz/corpus/NAME (kept between runs) and seeds made
# by seeds.sh.  A crash leaves its input in build/fuzz/crash/ and makes
# the run fail; copy the input to tests/fuzz/crashes/NAME/ once fixed.
# Prints one line per target: seconds, executions, corpus size.
set -u
secs=$1 maxlen=$2
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
b=$top/build/fuzz
mkdir -p "$b/corpus" "$b/crash" "$b/log"
rm -rf "$b/seed"
sh "$top/tests/fuzz/seeds.sh" "$b/seed"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS UBSAN_OPTIONS
status=0
for bin in "$@"; do
	t=${bin##*/fuzz_}
	mkdir -p "$b/corpus/$t" "$b/seed/$t"
	log=$b/log/$t.log
	"$bin" -max_total_time="$secs" -max_len="$maxlen" -timeout=20 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$b/crash/$t-" "$b/corpus/$t" "$b/seed/$t" \
	    >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	ncorp=$(ls "$b/corpus/$t" | wc -l)
	if [ "$rc" = 0 ]; then
		printf 'fuzz %-9s ok    %4ss %9s execs, corpus %s\n' \
		    "$t" "$secs" "${execs:-?}" "$ncorp"
	else
		printf 'fuzz %-9s FAIL  exit %s, log %s\n' "$t" "$rc" "$log"
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written|^    #[0-9] ' \
		    "$log" | head -20
		status=1
	fi
done
exit "$status"
