#!/bin/sh
# tests/fuzz/run.sh SECONDS MAXLEN TARGET... - run each libFuzzer target
# (build/fuzz/fuzz_NAME) for SECONDS, with its corpus in
# build/fuzz/corpus/NAME (kept between runs) and seeds made by seeds.sh.
# FUZZ_JOBS (default 1) targets run at once, each on one core.  A crash
# leaves its input in build/fuzz/crash/ and makes the run fail; copy the
# input to tests/fuzz/crashes/NAME/ once fixed.
# Prints one line per target: seconds, executions, corpus size; the same
# line, dated, is added to build/fuzz/runs.log, the record of how long
# each target has run.
set -u
secs=$1 maxlen=$2
shift 2
jobs=${FUZZ_JOBS:-1}
case $jobs in '' | *[!0-9]* | 0) echo "run.sh: FUZZ_JOBS: not a count" >&2; exit 2 ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
b=$top/build/fuzz
mkdir -p "$b/corpus" "$b/crash" "$b/log"
rm -rf "$b/seed"
sh "$top/tests/fuzz/seeds.sh" "$b/seed"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS UBSAN_OPTIONS

# run_one BIN: fuzz one target, print its line, fail when it crashed.
run_one() {
	t=${1##*/fuzz_}
	mkdir -p "$b/corpus/$t" "$b/seed/$t"
	log=$b/log/$t.log
	"$1" -max_total_time="$secs" -max_len="$maxlen" -timeout=20 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$b/crash/$t-" "$b/corpus/$t" "$b/seed/$t" \
	    >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	ncorp=$(ls "$b/corpus/$t" | wc -l)
	printf '%s fuzz %s %ss %s execs, corpus %s, exit %s\n' \
	    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$t" "$secs" "${execs:-?}" \
	    "$ncorp" "$rc" >>"$b/runs.log"
	if [ "$rc" = 0 ]; then
		printf 'fuzz %-9s ok    %4ss %9s execs, corpus %s\n' \
		    "$t" "$secs" "${execs:-?}" "$ncorp"
		return 0
	fi
	{
		printf 'fuzz %-9s FAIL  exit %s, log %s\n' "$t" "$rc" "$log"
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written|^    #[0-9] ' \
		    "$log" | head -20
	}
	return 1
}

# Worker k of $jobs takes targets k, k+jobs, k+2*jobs, ...; its failures
# are counted in a file, as a background subshell cannot set status.
fails=$(mktemp)
trap 'rm -f "$fails"' EXIT
k=0
while [ "$k" -lt "$jobs" ]; do
	(
		i=0
		for bin in "$@"; do
			if [ $((i % jobs)) = "$k" ]; then
				run_one "$bin" || echo "$bin" >>"$fails"
			fi
			i=$((i + 1))
		done
	) &
	k=$((k + 1))
done
wait
[ -s "$fails" ] && exit 1
exit 0
