#!/bin/sh
# bench/run.sh - irm-norm throughput and memory against references measured
# in the same run (make bench).
#
#	BENCH_MB=1024 BENCH_JQ_MB=100 BENCH_RUNS=3 BENCH_CLEAN=0 sh bench/run.sh
#
# Generates a synthetic O365 file of BENCH_MB MiB (bench/gen-o365.c) into
# bench/out/, kept for reruns, and times on it:
#   - json-c parse-only (bench/parse_only.c): the floor, every line parsed
#     with the flags irm-norm uses, nothing mapped or written;
#   - irm-norm, output to /dev/null;
# and on the first BENCH_JQ_MB MiB of the same records (jq is slow):
#   - jq -c -f bench/norm.jq, the same normalization in jq;
#   - irm-norm again, so both see identical bytes.
# Each timing is the best of BENCH_RUNS runs (jq: one run); peak RSS is the
# largest seen.  The table goes to stdout and bench/results.md, with
# PASS/MISS against the targets: irm-norm within 2.5x of parse-only, at
# least 5x faster than jq, peak RSS under 50 MB.  A missed target is a
# measurement, not a failure: the exit status is 0 unless a tool fails.
# BENCH_CLEAN=1 removes the generated files at the end.
set -eu

cd "$(dirname "$0")/.."
OUT=bench/out
MB=${BENCH_MB:-1024}
JQ_MB=${BENCH_JQ_MB:-100}
RUNS=${BENCH_RUNS:-3}
IRM_NORM=${IRM_NORM:-cmd/irm-norm}
CC=${CC:-cc}
RESULTS=bench/results.md

die() {
	echo "bench: $*" >&2
	exit 1
}

for v in "$MB" "$JQ_MB" "$RUNS"; do
	case $v in
	'' | *[!0-9]* | 0*)
		die "BENCH_MB, BENCH_JQ_MB, BENCH_RUNS: not a positive integer: $v"
		;;
	esac
done
[ "$JQ_MB" -le "$MB" ] || JQ_MB=$MB
[ -x "$IRM_NORM" ] || die "$IRM_NORM: not built (run make)"
mkdir -p "$OUT"

# ------------------------------------------------------------- building

JSON_CFLAGS=$(pkg-config --cflags json-c 2>/dev/null || true)
JSON_LIBS=$(pkg-config --libs json-c 2>/dev/null || echo -ljson-c)

build() { # binary source [libs]
	if [ ! -x "$1" ] || [ -n "$(find "$2" -newer "$1")" ]; then
		# shellcheck disable=SC2086
		$CC -O2 -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra $JSON_CFLAGS \
		    -o "$1" "$2" ${3:-} || die "cannot build $1"
	fi
}
build "$OUT/gen-o365" bench/gen-o365.c
build "$OUT/parse_only" bench/parse_only.c "$JSON_LIBS"

# ----------------------------------------------------------- generating

# The info file next to each data file records the generator's checksum,
# the record count and the size: a file is reused only when all match.
GENSUM=$(cksum <bench/gen-o365.c | awk '{print $1}')

info() { # file key
	awk -v k="$2" '{for (i = 1; i < NF; i += 2) if ($i == k) print $(i+1)}' \
	    "$1.info" 2>/dev/null
}

generate() { # megabytes
	f=$OUT/o365-$1.jsonl
	if [ -f "$f" ] && [ "$(info "$f" gen)" = "$GENSUM" ] &&
	    [ "$(info "$f" bytes)" = "$(wc -c <"$f" | tr -d ' ')" ]; then
		return
	fi
	rm -f "$f" "$f.info"
	avail=$(df -Pk "$OUT" | awk 'NR == 2 {print int($4 / 1024)}')
	[ "$avail" -gt $(($1 + 256)) ] ||
	    die "$OUT: $avail MB free, $1 MB needed for the data file"
	echo "bench: generating $f ($1 MiB)" >&2
	"$OUT/gen-o365" "$1" >"$f.tmp" 2>"$OUT/gen.err" ||
	    die "gen-o365 failed: $(cat "$OUT/gen.err")"
	mv "$f.tmp" "$f"
	printf 'gen %s %s\n' "$GENSUM" "$(cat "$OUT/gen.err")" >"$f.info"
}

BIG=$OUT/o365-$MB.jsonl
PRE=$OUT/o365-$JQ_MB.jsonl
generate "$MB"
generate "$JQ_MB"
# The generator stops after the first record that reaches the size, so
# the smaller file is the start of the larger: check it.
cmp -s -n "$(info "$PRE" bytes)" "$PRE" "$BIG" ||
    die "$PRE is not a prefix of $BIG"

# ------------------------------------------------------------ measuring

TIMER=/usr/bin/time
[ -x "$TIMER" ] || TIMER=
NOTES=
[ -n "$TIMER" ] || NOTES="$NOTES
- /usr/bin/time is missing (Debian package \`time\`): peak RSS not measured."

# measure name runs cmd...: sets SECS (best) and RSS (largest, KB).
measure() {
	name=$1 runs=$2
	shift 2
	SECS='' RSS=0
	i=0
	while [ "$i" -lt "$runs" ]; do
		i=$((i + 1))
		if [ -n "$TIMER" ]; then
			"$TIMER" -f '%e %M' -o "$OUT/time.txt" "$@" \
			    >/dev/null 2>"$OUT/stderr.txt" ||
			    die "$name failed: $(tail -3 "$OUT/stderr.txt")"
			t=$(tail -1 "$OUT/time.txt")
		else
			s=$(date +%s.%N)
			"$@" >/dev/null 2>"$OUT/stderr.txt" ||
			    die "$name failed: $(tail -3 "$OUT/stderr.txt")"
			t=$(awk -v s="$s" -v e="$(date +%s.%N)" \
			    'BEGIN {printf "%.2f 0", e - s}')
		fi
		e=${t% *} m=${t#* }
		SECS=$(awk -v a="$e" -v b="$SECS" \
		    'BEGIN {print (b == "" || a + 0 < b + 0) ? a : b}')
		RSS=$(awk -v a="$m" -v b="$RSS" \
		    'BEGIN {print (a + 0 > b + 0) ? a : b}')
		echo "bench: $name run $i: $e s, $m KB" >&2
	done
}

# Both files are read from the page cache in every run.
cat "$BIG" "$PRE" >/dev/null

measure "parse-only" "$RUNS" "$OUT/parse_only" "$BIG"
P_S=$SECS P_RSS=$RSS
measure "irm-norm" "$RUNS" "$IRM_NORM" "$BIG"
I_S=$SECS I_RSS=$RSS
measure "irm-norm (prefix)" "$RUNS" "$IRM_NORM" "$PRE"
IP_S=$SECS IP_RSS=$RSS
if command -v jq >/dev/null 2>&1; then
	measure "jq" 1 jq -c -f bench/norm.jq "$PRE"
	J_S=$SECS J_RSS=$RSS
else
	J_S='' J_RSS=''
	NOTES="$NOTES
- jq is missing (Debian package \`jq\`): no jq comparison."
fi

# -------------------------------------------------------------- reporting

BIG_B=$(info "$BIG" bytes) BIG_N=$(info "$BIG" records)
PRE_B=$(info "$PRE" bytes) PRE_N=$(info "$PRE" records)
CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null)
JSONC=$(pkg-config --modversion json-c 2>/dev/null || echo '?')
JQV=$(jq --version 2>/dev/null || echo 'no jq')

table=$(awk -v p="$P_S" -v prss="$P_RSS" -v i="$I_S" -v irss="$I_RSS" \
    -v ip="$IP_S" -v iprss="$IP_RSS" -v j="$J_S" -v jrss="$J_RSS" \
    -v bb="$BIG_B" -v bn="$BIG_N" -v pb="$PRE_B" -v pn="$PRE_N" \
    -v timer="$TIMER" '
function row(tool, input, bytes, n, s, rss, vsp, vsj) {
	mb = bytes / 1048576
	printf "| %s | %s | %.0f | %.2f | %.1f | %.0f | %s | %s | %s |\n", \
	    tool, input, mb, s, (s > 0 ? mb / s : 0), (s > 0 ? n / s : 0), \
	    (timer == "" ? "n/a" : sprintf("%.1f", rss / 1024)), vsp, vsj
}
function verdict(ok) {
	return ok ? "PASS" : "MISS"
}
BEGIN {
	print "| tool | input | MB | seconds | MB/s | records/s | peak RSS MB" \
	    " | time vs parse-only | speedup vs jq |"
	print "|---|---|---:|---:|---:|---:|---:|---:|---:|"
	row("json-c parse-only", "full", bb, bn, p, prss, "1.00x", "")
	row("irm-norm", "full", bb, bn, i, irss, \
	    sprintf("%.2fx", (p > 0 ? i / p : 0)), "")
	row("irm-norm", "prefix", pb, pn, ip, iprss, "", \
	    (j == "" ? "" : sprintf("%.1fx", (ip > 0 ? j / ip : 0))))
	if (j != "")
		row("jq norm.jq", "prefix", pb, pn, j, jrss, "", "1.0x")
	print ""
	ratio = p > 0 ? i / p : 0
	printf "- irm-norm time / parse-only time: %.2fx (target <= 2.5x): " \
	    "%s\n", ratio, verdict((ratio <= 2.5))
	if (j != "") {
		sp = ip > 0 ? j / ip : 0
		printf "- jq time / irm-norm time on the prefix: %.1fx " \
		    "(target >= 5x): %s\n", sp, verdict((sp >= 5))
	}
	if (timer != "") {
		rss = (irss > iprss ? irss : iprss) / 1024
		printf "- irm-norm peak RSS: %.1f MB on %.0f MB, %.1f MB on " \
		    "%.0f MB (target < 50 MB): %s\n", irss / 1024, \
		    bb / 1048576, iprss / 1024, pb / 1048576, \
		    verdict((rss < 50))
	}
	share = i > 0 ? 100 * p / i : 0
	printf "- json-c parse-only time is %.0f%% of irm-norm'\''s time " \
	    "(the rest is mapping and writing): %s\n", share, \
	    (share >= 50 ? "json-c is the bottleneck" : \
	    "json-c is not the bottleneck")
}')

report=$(cat <<EOF
# irm-norm benchmark

$(date -u +%Y-%m-%dT%H:%MZ); $(uname -m), $(nproc) CPUs, ${CPU:-unknown CPU};
json-c $JSONC, $JQV.  Input: bench/gen-o365 output, full file
$BIG_N records, prefix (its first $PRE_N records) for jq.
MB = 2^20 bytes; seconds: best of $RUNS runs (jq: one run), wall clock,
file in the page cache, output to /dev/null.

$table

- jq is run on the prefix only (it is slow); its speedup compares it with
  irm-norm on the same bytes, so the ratio is per MB.$NOTES
EOF
)
printf '%s\n' "$report"
printf '%s\n' "$report" >"$RESULTS"
echo "bench: table written to $RESULTS" >&2

if [ "${BENCH_CLEAN:-0}" = 1 ]; then
	rm -f "$BIG" "$BIG.info" "$PRE" "$PRE.info"
	echo "bench: removed the generated files" >&2
fi
rm -f "$OUT/time.txt" "$OUT/stderr.txt" "$OUT/gen.err"
exit 0
