#!/bin/sh
# bench/run.sh - the irm pipeline's throughput and memory on a tenant
# from irm-gen, and irm-score's against users and stream length, beside
# references measured in the same run (make bench).
#
#	BENCH_USERS=5000 BENCH_DAYS=30 BENCH_JQ_MB=100 BENCH_RUNS=3 \
#	    BENCH_KEEP=0 BENCH_CLEAN=1 sh bench/run.sh
#	BENCH_PIPE=0 BENCH_SCORE_EVENTS=5000000 BENCH_SCORE_USERS=10000 \
#	    BENCH_SCORE_RSS_EVENTS=2000000 BENCH_SCORE_FEW_EVENTS=1000000 \
#	    BENCH_SCORE_RSS_USERS='1000 10000 100000' BENCH_SCORE_LEN_USERS=2000 \
#	    BENCH_SCORE_LEN_PER_DAY=20000 BENCH_SCORE_LEN_DAYS='120 240' \
#	    sh bench/run.sh
#
# Pipeline (skipped with BENCH_PIPE=0): irm-gen writes a tenant of
# BENCH_USERS users (5,000) over BENCH_DAYS days (30), about 4.5 GB of raw
# records, into a temporary directory (under $TMPDIR or /tmp, removed at
# the end unless BENCH_KEEP=1; run.sh checks the free space first), and
# run.sh times, each with its peak RSS:
#   - irm-gen itself (target: at least 100 MB/s);
#   - json-c parse-only (bench/parse_only.c), the floor: every O365 record
#     parsed with the flags irm-norm uses, nothing mapped or written, and
#     irm-norm on the same records through the same pipe (target: within
#     2.5x of parse-only), best of BENCH_RUNS runs each;
#   - on the first BENCH_JQ_MB MiB of the same records: jq -c -f
#     bench/norm.jq, the same normalization in jq, and irm-norm (target:
#     at least 5x faster than jq);
#   - each stage alone on every raw file, writing to a file the next
#     stage reads: irm-norm, irm-score (the tenant's settings and
#     policies), irm-report;
#   - the whole pipeline irm-norm | irm-score | irm-report, the stages
#     side by side on the two cores.
#
# irm-score (skipped with BENCH_SCORE=0), with the policies of
# examples/policies (all ten templates) and bench/settings.json plus a
# directory CSV of the users, output to /dev/null:
#   (a) throughput: BENCH_SCORE_EVENTS events (5,000,000) for
#       BENCH_SCORE_USERS users (10,000) over BENCH_SCORE_DAYS days (30)
#       from bench/gen-events.c, a file kept in bench/out/ for reruns;
#       json-c parse-only and irm-score on it, best of BENCH_RUNS;
#   (b) peak RSS for each of BENCH_SCORE_RSS_USERS (1,000, 10,000 and
#       100,000 users) with BENCH_SCORE_RSS_EVENTS events (2,000,000);
#   (c) peak RSS for BENCH_SCORE_USERS users with BENCH_SCORE_FEW_EVENTS
#       events (1,000,000), against (b) and (a) for the same users: over
#       the same days, this is density (events per user-day), which
#       per-day state may grow with up to its caps, so it is reported
#       without a target;
#   (d) peak RSS against stream length: BENCH_SCORE_LEN_USERS users
#       (2,000) with BENCH_SCORE_LEN_PER_DAY events a day (20,000) over
#       each of BENCH_SCORE_LEN_DAYS days (120 and 240, both beyond
#       irm-score's 90-day look-back): the same density, a longer stream.
# (b), (c) and (d) read gen-events through a pipe: nothing is written to
# disk.  Targets: irm-score within 2x of parse-only and at least 100,000
# events/s (it is single-threaded: one core); peak RSS growing with users
# and flat in stream length (the largest (d) figure within 1.25x of the
# smallest): state is bounded by users x look-back days x indicators, so
# days beyond the look-back add none (DESIGN: memory grows with users,
# never with events).  A run of irm-score is stopped after
# BENCH_SCORE_SLACK (4) times the time the events/s target allows, and a
# run slower than twice that time is not repeated; the (d) runs are also
# stopped BUDGET seconds (14.5 minutes) after run.sh started.  This keeps
# `make bench` within 15 minutes whatever irm-score does; a stopped run is
# reported as such, with the peak RSS it had reached.
#
# Partitioned (skipped with BENCH_SCALE=0; needs /usr/bin/time): irm-gen
# writes a tenant of BENCH_SCALE_USERS users (1,000) over BENCH_SCALE_DAYS
# days (30) into a temporary directory; run.sh times the single pipeline
# irm-norm | sort -S 512M | irm-score | irm-report and
# examples/scale/irm-parallel -j BENCH_SCALE_JOBS (2) on it, alternately,
# BENCH_SCALE_RUNS (3) times each (target: the median of the runs' ratios
# at most 0.6x the single pipeline's wall time), checks that both write the
# same insights and alerts, and runs every irm-norm, sort, irm-score and
# irm-report of irm-parallel's jobs under /usr/bin/time -v: CPU seconds
# and events per CPU second per step, peak RSS per partition.  From the
# whole partitioned run's CPU seconds per event it projects a
# BENCH_PROJ_DAYS-day (90) back-test of BENCH_PROJ_USERS users (100,000)
# on BENCH_PROJ_NODES nodes (16) of BENCH_PROJ_CORES cores (16), its
# assumptions written below the table.  About 5 minutes on 2 idle cores;
# the load average before and after is written next to the figures.
#
# The tables go to stdout and bench/results.md, one section each (a
# skipped section is kept), with PASS/MISS against the targets.
# A missed target is a measurement, not a failure: the exit status is 0
# unless a tool fails.  irm-score's generated files (bench/out/) are
# removed at the end unless BENCH_CLEAN=0, which keeps them for reruns.
set -eu
# Byte order: events sort the same in every locale, and sort(1)
# compares bytes several times faster than it collates.
LC_ALL=C
export LC_ALL

cd "$(dirname "$0")/.."
OUT=bench/out
USERS=${BENCH_USERS:-5000}
DAYS=${BENCH_DAYS:-30}
JQ_MB=${BENCH_JQ_MB:-100}
RUNS=${BENCH_RUNS:-3}
PIPE=${BENCH_PIPE:-1}
SCORE=${BENCH_SCORE:-1}
SCALE=${BENCH_SCALE:-1}
SC_USERS=${BENCH_SCALE_USERS:-1000}
SC_DAYS=${BENCH_SCALE_DAYS:-30}
SC_JOBS=${BENCH_SCALE_JOBS:-2}
SC_RUNS=${BENCH_SCALE_RUNS:-3}
P_USERS=${BENCH_PROJ_USERS:-100000}
P_DAYS=${BENCH_PROJ_DAYS:-90}
P_NODES=${BENCH_PROJ_NODES:-16}
P_CORES=${BENCH_PROJ_CORES:-16}
S_EVENTS=${BENCH_SCORE_EVENTS:-5000000}
S_USERS=${BENCH_SCORE_USERS:-10000}
S_DAYS=${BENCH_SCORE_DAYS:-30}
R_EVENTS=${BENCH_SCORE_RSS_EVENTS:-2000000}
R_USERS=${BENCH_SCORE_RSS_USERS:-1000 10000 100000}
F_EVENTS=${BENCH_SCORE_FEW_EVENTS:-1000000}
L_USERS=${BENCH_SCORE_LEN_USERS:-2000}
L_PER_DAY=${BENCH_SCORE_LEN_PER_DAY:-20000}
L_DAYS=${BENCH_SCORE_LEN_DAYS:-120 240}
SLACK=${BENCH_SCORE_SLACK:-4}
IRM_GEN=${IRM_GEN:-cmd/irm-gen}
IRM_NORM=${IRM_NORM:-cmd/irm-norm}
IRM_REPORT=${IRM_REPORT:-cmd/irm-report}
IRM_SCORE=${IRM_SCORE:-cmd/irm-score}
POLICIES=examples/policies
CC=${CC:-cc}
RESULTS=bench/results.md

# The irm-score targets.
EPS_TARGET=100000
RATIO_TARGET=2
FLAT_TARGET=1.25
# irm-parallel -j 2's wall time against one pipeline's.
SCALE_TARGET=0.6
# Seconds after the start within which the (d) runs stop.
BUDGET=870
START=$(date +%s)

die() {
	echo "bench: $*" >&2
	exit 1
}

for v in "$USERS" "$DAYS" "$JQ_MB" "$RUNS" "$S_EVENTS" "$S_USERS" "$S_DAYS" \
    "$R_EVENTS" "$F_EVENTS" "$SLACK" "$L_USERS" "$L_PER_DAY" $R_USERS \
    $L_DAYS "$SC_USERS" "$SC_DAYS" "$SC_JOBS" "$SC_RUNS" "$P_USERS" \
    "$P_DAYS" \
    "$P_NODES" "$P_CORES"; do
	case $v in
	'' | *[!0-9]* | 0*)
		die "BENCH_USERS, BENCH_DAYS, BENCH_JQ_MB, BENCH_RUNS," \
		    "BENCH_SCORE_*:" \
		    "not a positive integer: $v"
		;;
	esac
done
if [ -z "$R_USERS" ] || [ -z "$L_DAYS" ]; then
	die "BENCH_SCORE_RSS_USERS, BENCH_SCORE_LEN_DAYS: empty"
fi
for v in $L_DAYS; do
	[ "$v" -le 3650 ] || die "BENCH_SCORE_LEN_DAYS: over 3650: $v"
done
for b in "$IRM_GEN" "$IRM_NORM" "$IRM_REPORT"; do
	[ "$PIPE" = 0 ] || [ -x "$b" ] || die "$b: not built (run make)"
done
[ "$SCORE" = 0 ] || [ -x "$IRM_SCORE" ] ||
    die "$IRM_SCORE: not built (run make)"
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
build "$OUT/gen-events" bench/gen-events.c
build "$OUT/parse_only" bench/parse_only.c "$JSON_LIBS"

# ------------------------------------------------------------- helpers

# The info file next to each data file records the generator's checksum,
# the record count and the size: a file is reused only when all match.
info() { # file key
	awk -v k="$2" '{for (i = 1; i < NF; i += 2) if ($i == k) print $(i+1)}' \
	    "$1.info" 2>/dev/null
}

reusable() { # file generator-source
	[ -f "$1" ] &&
	    [ "$(info "$1" gen)" = "$(cksum <"$2" | awk '{print $1}')" ] &&
	    [ "$(info "$1" bytes)" = "$(wc -c <"$1" | tr -d ' ')" ]
}

room() { # megabytes
	avail=$(df -Pk "$OUT" | awk 'NR == 2 {print int($4 / 1024)}')
	[ "$avail" -gt $(($1 + 256)) ] ||
	    die "$OUT: $avail MB free, $1 MB needed for the data file"
}

TIMER=/usr/bin/time
[ -x "$TIMER" ] || TIMER=
TNOTE=
[ -n "$TIMER" ] || TNOTE="
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

# save_section file: the section of $RESULTS headed by the first line of
# file ("# tool benchmark") becomes the file; other sections are kept in
# their order, a new one goes last.
save_section() {
	touch "$RESULTS"
	awk -v new="$1" '
	BEGIN {
		while ((getline l < new) > 0) {
			if (head == "")
				head = l
			text = text l "\n"
		}
	}
	/^# / {
		n++
		name[n] = $0
	}
	n > 0 {
		body[n] = body[n] $0 "\n"
	}
	END {
		for (i = 1; i <= n; i++)
			if (name[i] == head) {
				body[i] = text
				found = 1
			}
		if (!found)
			body[++n] = text
		for (i = 1; i <= n; i++) {
			sub(/\n+$/, "\n", body[i])
			printf "%s%s", (i > 1 ? "\n" : ""), body[i]
		}
	}' "$RESULTS" >"$RESULTS.tmp"
	mv "$RESULTS.tmp" "$RESULTS"
}

CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null)
JSONC=$(pkg-config --modversion json-c 2>/dev/null || echo '?')

# ------------------------------------------------------------- pipeline

if [ "$PIPE" != 0 ]; then
	NOTES=$TNOTE
	# The tenant lives in a temporary directory, never in the tree,
	# and is removed at the end (BENCH_KEEP=1 keeps it).
	TEN=$(mktemp -d "${TMPDIR:-/tmp}/irm-bench.XXXXXX") ||
	    die "cannot make a temporary directory"
	cleanup() {
		if [ "${BENCH_KEEP:-0}" = 1 ]; then
			echo "bench: kept $TEN" >&2
		else
			rm -rf "$TEN"
		fi
	}
	trap cleanup EXIT
	trap 'exit 130' HUP INT TERM
	# About 0.95 MB of raw records per user and 30 days, and 0.55 of
	# that again for the events.
	need=$((USERS * DAYS * 100 / 3000 * 15 / 10))
	avail=$(df -Pk "$TEN" | awk 'NR == 2 {print int($4 / 1024)}')
	[ "$avail" -gt $((need + 512)) ] ||
	    die "$TEN: $avail MB free, about $need MB needed"

	# measure_to name cmd...: measure once, with stdout kept in
	# $TEN/out (the next stage's input).
	measure_to() {
		n=$1
		shift
		measure "$n" 1 sh -c '"$@" >"$0"' "$TEN/out" "$@"
	}
	bytes() { cat "$@" | wc -c | tr -d ' '; }
	lines() { cat "$@" | wc -l | tr -d ' '; }

	echo "bench: irm-gen -u $USERS -d $DAYS into $TEN" >&2
	measure "irm-gen" 1 "$IRM_GEN" -v -u "$USERS" -d "$DAYS" "$TEN/t"
	G_S=$SECS G_RSS=$RSS
	# -v: "irm-gen: D days in, N records out, 0 rejected, S s".
	G_N=$(sed -n 's/.* in, \([0-9]*\) records out.*/\1/p' "$OUT/stderr.txt")
	RAW=$TEN/t/raw
	G_B=$(bytes "$RAW"/*)
	AUD=$(ls "$RAW"/*-audit.jsonl)
	# shellcheck disable=SC2086
	A_B=$(bytes $AUD) A_N=$(lines $AUD)

	# The O365 records alone, through the same pipe for both: the
	# floor and irm-norm on the same bytes.
	# shellcheck disable=SC2086
	cat $AUD >/dev/null
	measure "parse-only" "$RUNS" sh -c 'cat "$@" | "$0"' \
	    "$OUT/parse_only" $AUD
	P_S=$SECS P_RSS=$RSS
	measure "irm-norm (O365)" "$RUNS" sh -c 'cat "$@" | "$0"' \
	    "$IRM_NORM" $AUD
	N_S=$SECS N_RSS=$RSS

	# jq on a prefix of whole lines of the same records.
	# shellcheck disable=SC2086
	cat $AUD | head -c $((JQ_MB * 1048576)) | sed '$d' >"$TEN/prefix"
	J_B=$(bytes "$TEN/prefix") J_N=$(lines "$TEN/prefix")
	if command -v jq >/dev/null 2>&1; then
		measure "jq" 1 jq -c -f bench/norm.jq "$TEN/prefix"
		J_S=$SECS J_RSS=$RSS
	else
		J_S='' J_RSS=''
		NOTES="$NOTES
- jq is missing (Debian package \`jq\`): no jq comparison."
	fi
	measure "irm-norm (prefix)" "$RUNS" "$IRM_NORM" "$TEN/prefix"
	NP_S=$SECS NP_RSS=$RSS
	rm -f "$TEN/prefix"

	# Each stage alone, its output the next one's input.  The raw
	# files in name order are in time order by day, and irm-score
	# writes the same insights from that order as from sort(1)'s.
	measure_to "irm-norm (all raw)" "$IRM_NORM" "$RAW"/*
	E_S=$SECS E_RSS=$RSS
	mv "$TEN/out" "$TEN/events"
	E_B=$(bytes "$TEN/events") E_N=$(lines "$TEN/events")
	measure_to "irm-score" "$IRM_SCORE" -s "$TEN/t/settings.json" \
	    -p "$TEN/t/policies" "$TEN/events"
	S_S=$SECS S_RSS=$RSS
	mv "$TEN/out" "$TEN/insights"
	I_B=$(bytes "$TEN/insights") I_N=$(lines "$TEN/insights")
	rm -f "$TEN/events"
	measure_to "irm-report" "$IRM_REPORT" "$TEN/insights"
	R_S=$SECS R_RSS=$RSS
	AL_N=$(lines "$TEN/out")
	rm -f "$TEN/out" "$TEN/insights"

	# The whole pipeline, the stages running side by side.
	measure "pipeline" 1 sh -c '"$0" "$@" | "$1" -s "$2" -p "$3" |
	    "$4" >/dev/null' "$IRM_NORM" "$IRM_SCORE" "$TEN/t/settings.json" \
	    "$TEN/t/policies" "$IRM_REPORT" "$RAW"/*
	W_S=$SECS W_RSS=$RSS
	R_B=$(du -sb "$RAW" | awk '{print $1}')
	R_N=$G_N

	JQV=$(jq --version 2>/dev/null || echo 'no jq')
	table=$(awk -v gs="$G_S" -v grss="$G_RSS" -v gn="$G_N" -v gb="$G_B" \
	    -v ab="$A_B" -v an="$A_N" -v ps="$P_S" -v prss="$P_RSS" \
	    -v ns="$N_S" -v nrss="$N_RSS" -v jb="$J_B" -v jn="$J_N" \
	    -v js="$J_S" -v jrss="$J_RSS" -v nps="$NP_S" -v nprss="$NP_RSS" \
	    -v rb="$R_B" -v rn="$R_N" -v es="$E_S" -v erss="$E_RSS" \
	    -v eb="$E_B" -v en="$E_N" -v ss="$S_S" -v srss="$S_RSS" \
	    -v ib="$I_B" -v in_="$I_N" -v rs="$R_S" -v rrss="$R_RSS" \
	    -v ws="$W_S" -v wrss="$W_RSS" -v timer="$TIMER" '
	function row(tool, input, bytes, n, s, rss, ref) {
		mb = bytes / 1048576
		printf "| %s | %s | %.0f | %d | %.2f | %.1f | %.0f | %s | %s |\n", \
		    tool, input, mb, n, s, (s > 0 ? mb / s : 0), \
		    (s > 0 ? n / s : 0), \
		    (timer == "" ? "n/a" : sprintf("%.1f", rss / 1024)), ref
	}
	function verdict(ok) {
		return ok ? "PASS" : "MISS"
	}
	BEGIN {
		print "| stage | input | MB | records | seconds | MB/s |" \
		    " records/s | peak RSS MB | against the reference |"
		print "|---|---|---:|---:|---:|---:|---:|---:|---|"
		row("irm-gen", "(writes raw/)", gb, gn, gs, grss, "")
		row("json-c parse-only", "O365 records", ab, an, ps, prss, \
		    "1.00x the time")
		row("irm-norm", "O365 records", ab, an, ns, nrss, \
		    sprintf("%.2fx the time of parse-only", \
		    (ps > 0 ? ns / ps : 0)))
		if (js != "")
			row("jq norm.jq", "prefix", jb, jn, js, jrss, "1.0x")
		row("irm-norm", "prefix", jb, jn, nps, nprss, \
		    (js == "" ? "" : sprintf("%.1fx faster than jq", \
		    (nps > 0 ? js / nps : 0))))
		row("irm-norm", "all raw files", rb, rn, es, erss, "")
		row("irm-score", "events", eb, en, ss, srss, "")
		row("irm-report", "insights", ib, in_, rs, rrss, "")
		row("irm-norm \\| irm-score \\| irm-report", "all raw files", \
		    rb, rn, ws, wrss, "")
		print ""
		g = gs > 0 ? gb / 1048576 / gs : 0
		printf "- irm-gen: %.0f MB/s (target >= 100 MB/s): %s\n", g, \
		    verdict(g >= 100)
		r = ps > 0 ? ns / ps : 0
		printf "- irm-norm time / parse-only time: %.2fx " \
		    "(target <= 2.5x): %s\n", r, verdict(r <= 2.5)
		if (js != "") {
			sp = nps > 0 ? js / nps : 0
			printf "- jq time / irm-norm time on the prefix: " \
			    "%.1fx (target >= 5x): %s\n", sp, verdict(sp >= 5)
		}
		printf "- the whole pipeline: %.1f s for %.0f MB, %.0f " \
		    "records/s; the slowest stage alone: %.1f s\n", ws, \
		    rb / 1048576, (ws > 0 ? rn / ws : 0), \
		    (es > ss ? es : ss)
	}')

	VERSION=$("$IRM_GEN" --version 2>/dev/null || echo irm-gen)
	cat >"$OUT/section.md" <<EOT
# Pipeline benchmark

$(date -u +%Y-%m-%dT%H:%MZ); $(uname -m), $(nproc) CPUs, ${CPU:-unknown CPU};
json-c $JSONC, $JQV, $VERSION.
Input: \`irm-gen -u $USERS -d $DAYS\` (seed 1, every scenario planted),
$G_N raw records in $(ls "$RAW" | wc -l | tr -d ' ') files; $E_N events,
$I_N insights, $AL_N alert records.
MB = 2^20 bytes; seconds: wall clock, best of $RUNS runs for parse-only
and irm-norm on the O365 records, one run otherwise; files in the page
cache; each stage alone writes to a file (the next one's input), the
pipeline to /dev/null.

$table

- parse-only and irm-norm read the O365 records (the *-audit.jsonl
  files) through the same cat(1) pipe; jq and irm-norm the first
  $JQ_MB MB of them; the other rows every raw file (O365, Graph alerts,
  badge JSON, HR CSV).  irm-gen writes files for a day at a time; no
  sort(1) is needed, as the files in name order are in time order by
  day.$NOTES
EOT
	cat "$OUT/section.md"
	save_section "$OUT/section.md"
	echo "bench: pipeline table written to $RESULTS" >&2
	cleanup
	trap - EXIT
fi

# ------------------------------------------------------------ irm-score

if [ "$SCORE" != 0 ]; then
	NOTES=$TNOTE
	GENSUM=$(cksum <bench/gen-events.c | awk '{print $1}')
	LIMITER=
	if command -v timeout >/dev/null 2>&1; then
		LIMITER=timeout
	else
		NOTES="$NOTES
- timeout(1) is missing: irm-score runs are not stopped."
	fi

	# The settings for a user count: bench/settings.json and the
	# directory of those users, both in bench/out/.
	settings() { # users
		s=$OUT/settings-$1.json
		"$OUT/gen-events" --users "$1" --days "$S_DAYS" --events 1 \
		    --directory "$OUT/directory-$1.csv" >/dev/null 2>&1 ||
		    die "gen-events --directory failed"
		awk -v u="$1" '{print} /^\{$/ && !d {
			printf "\t\"directory\": \"directory-%s.csv\",\n", u
			d = 1
		}' bench/settings.json >"$s"
		"$IRM_SCORE" -s "$s" -p "$POLICIES" --lint >/dev/null \
		    2>"$OUT/stderr.txt" ||
		    die "irm-score --lint: $(tail -3 "$OUT/stderr.txt")"
	}

	# The limit of a run of n events: SLACK times the target's time.
	limit() { # events
		awk -v n="$1" -v k="$SLACK" -v t="$EPS_TARGET" \
		    'BEGIN {s = int(k * n / t + 0.999); print s < 10 ? 10 : s}'
	}

	# score name limit runs input cmd...: like measure, with the input
	# (a file, or "gen:USERS:EVENTS:DAYS" for gen-events through a pipe) on
	# stdin and each run stopped after limit seconds; a run slower than
	# half the limit is not repeated.  Sets SECS, RSS and STOPPED (1 when
	# the last run was stopped: SECS is then the limit and RSS the peak
	# so far), and GEN_B, GEN_N for a pipe: the bytes and events.
	score() {
		name=$1 lim=$2 runs=$3 input=$4
		shift 4
		SECS='' RSS=0 STOPPED=0
		i=0
		while [ "$i" -lt "$runs" ]; do
			i=$((i + 1))
			set -- ${LIMITER:+"$LIMITER" "$lim"} "$@"
			s=$(date +%s.%N)
			rc=0
			case $input in
			gen:*)
				u=${input#gen:} d=${u##*:} u=${u%:*}
				n=${u#*:} u=${u%:*}
				"$OUT/gen-events" --users "$u" --days "$d" \
				    --events "$n" 2>"$OUT/gen.err" |
				    ${TIMER:+"$TIMER" -f '%e %M' -o "$OUT/time.txt"} \
				    "$@" >/dev/null 2>"$OUT/stderr.txt" || rc=$?
				# A stopped run stops gen-events too.
				GEN_N=$(awk '{print $2}' "$OUT/gen.err")
				GEN_B=$(awk '{print $4}' "$OUT/gen.err")
				GEN_N=${GEN_N:-$n} GEN_B=${GEN_B:-0}
				;;
			*)
				${TIMER:+"$TIMER" -f '%e %M' -o "$OUT/time.txt"} \
				    "$@" <"$input" >/dev/null \
				    2>"$OUT/stderr.txt" || rc=$?
				;;
			esac
			[ -n "$LIMITER" ] && shift 2
			if [ "$rc" = 124 ]; then
				STOPPED=1
			elif [ "$rc" != 0 ]; then
				die "$name failed: $(tail -3 "$OUT/stderr.txt")"
			fi
			if [ -n "$TIMER" ]; then
				t=$(tail -1 "$OUT/time.txt")
			else
				t=$(awk -v s="$s" -v e="$(date +%s.%N)" \
				    'BEGIN {printf "%.2f 0", e - s}')
			fi
			e=${t% *} m=${t#* }
			[ "$STOPPED" = 0 ] || e=$lim
			SECS=$(awk -v a="$e" -v b="$SECS" \
			    'BEGIN {print (b == "" || a + 0 < b + 0) ? a : b}')
			RSS=$(awk -v a="$m" -v b="$RSS" \
			    'BEGIN {print (a + 0 > b + 0) ? a : b}')
			echo "bench: $name run $i: $e s, $m KB$(
			    [ "$STOPPED" = 0 ] || echo ", stopped")" >&2
			[ "$STOPPED" = 0 ] || break
			if awk -v e="$e" -v l="$lim" \
			    'BEGIN {exit !(e > l / 2)}'; then
				break
			fi
		done
	}

	EV=$OUT/events-$S_USERS-$S_DAYS-$S_EVENTS.jsonl
	if ! reusable "$EV" bench/gen-events.c; then
		rm -f "$EV" "$EV.info"
		room $((S_EVENTS / 1500))
		echo "bench: generating $EV" >&2
		"$OUT/gen-events" --users "$S_USERS" --days "$S_DAYS" \
		    --events "$S_EVENTS" >"$EV.tmp" 2>"$OUT/gen.err" ||
		    die "gen-events failed: $(cat "$OUT/gen.err")"
		mv "$EV.tmp" "$EV"
		printf 'gen %s %s\n' "$GENSUM" "$(cat "$OUT/gen.err")" \
		    >"$EV.info"
	fi
	EV_B=$(info "$EV" bytes) EV_N=$(info "$EV" records)

	done_users=
	for u in "$S_USERS" $R_USERS "$L_USERS"; do
		case " $done_users " in
		*" $u "*) ;;
		*) settings "$u" ;;
		esac
		done_users="$done_users $u"
	done

	# (a) Throughput, from the page cache.
	cat "$EV" >/dev/null
	measure "parse-only (events)" "$RUNS" "$OUT/parse_only" "$EV"
	SP_S=$SECS SP_RSS=$RSS
	score "irm-score" "$(limit "$EV_N")" "$RUNS" "$EV" "$IRM_SCORE" \
	    -s "$OUT/settings-$S_USERS.json" -p "$POLICIES"
	SI_S=$SECS SI_RSS=$RSS SI_STOP=$STOPPED

	# (b) Peak RSS against users, (c) against density, (d) against
	# stream length: one run each,
	# against the RSS of irm-score with its configuration and no events.
	measure "irm-score (no events)" 1 "$IRM_SCORE" -s bench/settings.json \
	    -p "$POLICIES" /dev/null
	BASE_RSS=$RSS
	rows=
	for u in $R_USERS; do
		score "irm-score ($u users)" "$(limit "$R_EVENTS")" 1 \
		    "gen:$u:$R_EVENTS:$S_DAYS" "$IRM_SCORE" \
		    -s "$OUT/settings-$u.json" -p "$POLICIES"
		rows="$rows$u $GEN_N $GEN_B $SECS $RSS $STOPPED pipe
"
	done
	score "irm-score ($S_USERS users)" "$(limit "$F_EVENTS")" 1 \
	    "gen:$S_USERS:$F_EVENTS:$S_DAYS" "$IRM_SCORE" \
	    -s "$OUT/settings-$S_USERS.json" -p "$POLICIES"
	rows="$rows$S_USERS $GEN_N $GEN_B $SECS $RSS $STOPPED pipe
$S_USERS $EV_N $EV_B $SI_S $SI_RSS $SI_STOP file
"
	# (d): rows tagged "len", with the days last.
	for d in $L_DAYS; do
		n=$((d * L_PER_DAY))
		lim=$(limit "$n")
		left=$((START + BUDGET - $(date +%s)))
		[ "$left" -ge "$lim" ] || lim=$left
		[ "$lim" -ge 1 ] || lim=1
		score "irm-score ($L_USERS users, $d days)" "$lim" 1 \
		    "gen:$L_USERS:$n:$d" "$IRM_SCORE" \
		    -s "$OUT/settings-$L_USERS.json" -p "$POLICIES"
		rows="$rows$L_USERS $GEN_N $GEN_B $SECS $RSS $STOPPED len $d
"
	done
	VERSION=$("$IRM_SCORE" --version 2>/dev/null || echo irm-score)
	LEN_LIST=$(echo "$L_DAYS" | awk '{
		for (i = 1; i <= NF; i++)
			printf "%s%s", (i == 1 ? "" : i == NF ? " and " : ", "), $i
	}')

	report=$(printf '%s' "$rows" | awk -v p="$SP_S" -v prss="$SP_RSS" \
	    -v i="$SI_S" -v irss="$SI_RSS" -v istop="$SI_STOP" \
	    -v bb="$EV_B" -v bn="$EV_N" -v su="$S_USERS" -v rn="$R_EVENTS" \
	    -v fn="$F_EVENTS" -v ulist="$R_USERS" -v timer="$TIMER" \
	    -v sd="$S_DAYS" -v lu="$L_USERS" -v lpd="$L_PER_DAY" \
	    -v base="$BASE_RSS" \
	    -v eps_t="$EPS_TARGET" -v ratio_t="$RATIO_TARGET" \
	    -v flat_t="$FLAT_TARGET" '
	function verdict(ok) {
		return ok ? "PASS" : "MISS"
	}
	function mb(kb) {
		return timer == "" ? "n/a" : sprintf("%.1f", kb / 1024)
	}
	# A time, events/s or ratio of a stopped run is a bound.
	function bound(stop, lt, s) {
		return (stop ? lt : "") s
	}
	function rate(n, s, stop) {
		return bound(stop, "< ", sprintf("%.0f", s > 0 ? n / s : 0))
	}
	{
		u[NR] = $1; n[NR] = $2; b[NR] = $3; s[NR] = $4
		rss[NR] = $5; stop[NR] = $6; how[NR] = $7; days[NR] = $8
	}
	END {
		print "## Throughput"
		print ""
		print "| tool | events | MB | seconds | MB/s | events/s |" \
		    " peak RSS MB | time vs parse-only |"
		print "|---|---:|---:|---:|---:|---:|---:|---:|"
		m = bb / 1048576
		printf "| json-c parse-only | %d | %.0f | %.2f | %.1f | %.0f |" \
		    " %s | 1.00x |\n", bn, m, p, (p > 0 ? m / p : 0), \
		    (p > 0 ? bn / p : 0), mb(prss)
		ratio = p > 0 ? i / p : 0
		printf "| irm-score | %d | %.0f | %s | %s | %s | %s%s | %s |\n", \
		    bn, m, bound(istop, "> ", sprintf("%.2f", i)), \
		    bound(istop, "< ", sprintf("%.1f", i > 0 ? m / i : 0)), \
		    rate(bn, i, istop), (istop ? ">= " : ""), mb(irss), \
		    bound(istop, "> ", sprintf("%.2fx", ratio))
		print ""
		printf "## Peak RSS against users and density (%d days)\n", sd
		print ""
		print "| users | events | input | seconds | events/s |" \
		    " peak RSS MB | KB per user above no events |"
		print "|---:|---:|---|---:|---:|---:|---:|"
		for (k = 1; k <= NR; k++)
			if (how[k] != "len")
				printf "| %d | %d | %s | %s | %s | %s%s |" \
				    " %s%.1f |\n", u[k], n[k], how[k], \
				    bound(stop[k], "> ", \
				    sprintf("%.2f", s[k])), \
				    rate(n[k], s[k], stop[k]), \
				    (stop[k] ? ">= " : ""), mb(rss[k]), \
				    (stop[k] ? ">= " : ""), \
				    (rss[k] - base) / u[k]
		print ""
		printf "irm-score with its settings, policies and no events:" \
		    " %s MB.\n\n", mb(base)
		printf "## Peak RSS against stream length (%d users, %d " \
		    "events a day)\n", lu, lpd
		print ""
		print "| days | events | seconds | events/s | peak RSS MB |"
		print "|---:|---:|---:|---:|---:|"
		for (k = 1; k <= NR; k++)
			if (how[k] == "len")
				printf "| %d | %d | %s | %s | %s%s |\n", \
				    days[k], n[k], bound(stop[k], "> ", \
				    sprintf("%.2f", s[k])), \
				    rate(n[k], s[k], stop[k]), \
				    (stop[k] ? ">= " : ""), mb(rss[k])
		print ""
		printf "- irm-score time / parse-only time: %s " \
		    "(target <= %sx): %s\n", \
		    bound(istop, "> ", sprintf("%.2fx", ratio)), ratio_t, \
		    verdict(!istop && ratio <= ratio_t)
		eps = i > 0 ? bn / i : 0
		printf "- irm-score events/s: %s (target >= %d, one core): " \
		    "%s\n", rate(bn, i, istop), eps_t, \
		    verdict(!istop && eps >= eps_t)
		if (timer == "")
			exit
		# (b): the rows with rn events, in the order of ulist.
		nu = split(ulist, want, " ")
		grow = 1
		line = ""
		last = -1
		stopped = 0
		for (j = 1; j <= nu; j++)
			for (k = 1; k <= NR; k++)
				if (u[k] == want[j] && n[k] == rn && \
				    how[k] == "pipe") {
					line = line sprintf("%s%s MB at %d", \
					    (line == "" ? "" : ", "), \
					    mb(rss[k]), u[k])
					if (rss[k] <= last)
						grow = 0
					last = rss[k]
					stopped += stop[k]
					break
				}
		printf "- peak RSS against users, %d events: %s " \
		    "(target: growing with users): %s\n", rn, line, \
		    (stopped ? "MISS (runs stopped, RSS incomplete)" : \
		    verdict(grow))
		# (c): the same users, fewest and most events.
		lo = hi = 0
		for (k = 1; k <= NR; k++) {
			if (u[k] != su || how[k] == "len")
				continue
			if (lo == 0 || n[k] < n[lo])
				lo = k
			if (hi == 0 || n[k] > n[hi])
				hi = k
		}
		f = rss[lo] > 0 ? rss[hi] / rss[lo] : 0
		printf "- peak RSS against density (events per user-day, " \
		    "which per-day state may grow with up to its caps), " \
		    "%d users over %d days: %s MB at %d, %s MB at %d " \
		    "events: %.2fx: %s\n", su, sd, mb(rss[lo]), n[lo], \
		    mb(rss[hi]), n[hi], f, \
		    (stop[lo] || stop[hi] ? \
		    "INFO (runs stopped, RSS incomplete)" : "INFO")
		# (d): the largest peak RSS over the smallest, whichever
		# lengths they come from.
		line = ""
		lo = hi = 0
		stopped = 0
		for (k = 1; k <= NR; k++) {
			if (how[k] != "len")
				continue
			line = line sprintf("%s%s MB at %d days", \
			    (line == "" ? "" : ", "), mb(rss[k]), days[k])
			if (lo == 0 || rss[k] < rss[lo])
				lo = k
			if (hi == 0 || rss[k] > rss[hi])
				hi = k
			stopped += stop[k]
		}
		f = rss[lo] > 0 ? rss[hi] / rss[lo] : 0
		printf "- peak RSS against stream length, %d users: %s: " \
		    "%.2fx (target: flat, <= %sx): %s\n", lu, line, f, \
		    flat_t, (stopped ? "MISS (runs stopped, RSS incomplete)" : \
		    verdict(f <= flat_t))
	}')

	cat >"$OUT/section.md" <<EOF
# irm-score benchmark

$(date -u +%Y-%m-%dT%H:%MZ); $(uname -m), $(nproc) CPUs, ${CPU:-unknown CPU};
json-c $JSONC, $VERSION.  Policies: $POLICIES (all ten templates);
settings: bench/settings.json with a directory CSV of the users.  Input:
bench/gen-events output from 2026-03-01, in time order, over $S_DAYS days
(stream length: over each of $LEN_LIST days); throughput on a file of
$EV_N events for $S_USERS users, in the page cache, best of up to $RUNS
runs; peak RSS also through a pipe from gen-events (one run each).
MB = 2^20 bytes; seconds: wall clock; output to /dev/null.  A run is
stopped after $SLACK times the time that $EPS_TARGET events/s allows (a
stream-length run also $BUDGET s after the benchmark started): its
figures are then bounds.

$report
$NOTES
EOF
	cat "$OUT/section.md"
	save_section "$OUT/section.md"
	echo "bench: irm-score table written to $RESULTS" >&2
	if [ "${BENCH_CLEAN:-1}" = 1 ]; then
		rm -f "$EV" "$EV.info" "$OUT"/directory-*.csv \
		    "$OUT"/settings-*.json
		echo "bench: removed the event files" >&2
	fi
fi

# ------------------------------------------------------------ partitioned

# tv file key: a figure of /usr/bin/time -v's report (seconds for the
# wall clock).
tv() {
	awk -v k="$2" 'index($0, k ":") {
		v = substr($0, index($0, k ":") + length(k) + 2)
		if (k ~ /^Elapsed/) {
			n = split(v, a, ":")
			v = a[n] + 60 * a[n - 1] + (n > 2 ? 3600 * a[1] : 0)
		}
		print v + 0
		exit
	}' "$1"
}

if [ "$SCALE" != 0 ] && [ -z "$TIMER" ]; then
	echo "bench: /usr/bin/time is missing: no partitioned benchmark" >&2
elif [ "$SCALE" != 0 ]; then
	for b in "$IRM_GEN" "$IRM_NORM" "$IRM_SCORE" "$IRM_REPORT"; do
		[ -x "$b" ] || die "$b: not built (run make)"
	done
	SC=$(mktemp -d "${TMPDIR:-/tmp}/irm-scale.XXXXXX") ||
	    die "cannot make a temporary directory"
	trap 'rm -rf "$SC"' EXIT
	trap 'exit 130' HUP INT TERM
	need=$((SC_USERS * SC_DAYS * 100 / 3000 * 25 / 10))
	avail=$(df -Pk "$SC" | awk 'NR == 2 {print int($4 / 1024)}')
	[ "$avail" -gt $((need + 512)) ] ||
	    die "$SC: $avail MB free, about $need MB needed"
	LOAD0=$(cut -d ' ' -f 1-3 /proc/loadavg)
	BUSY=$(awk -v l="${LOAD0%% *}" -v c="$(nproc)" 'BEGIN {
		if (l + 0 > c)
			printf "\nThe machine was busy (load above its %d CPUs:" \
			    " other jobs ran): the wall times and their" \
			    " ratio are not an idle machine'"'"'s; CPU seconds," \
			    " rates and peak RSS hold.", c
	}')

	echo "bench: irm-gen -u $SC_USERS -d $SC_DAYS into $SC" >&2
	"$IRM_GEN" -u "$SC_USERS" -d "$SC_DAYS" "$SC/t" >/dev/null 2>&1 ||
	    die "irm-gen failed"
	RAW_B=$(cat "$SC"/t/raw/* | wc -c | tr -d ' ')
	# The tools of the tree, each under /usr/bin/time -v (its report in
	# $SC/tv/NAME.PID, its arguments beside it), first on PATH.
	mkdir -p "$SC/bin" "$SC/tv" "$SC/real"
	for t in irm-norm irm-score irm-report; do
		ln -s "$PWD/cmd/$t" "$SC/real/$t"
	done
	ln -s "$(command -v sort)" "$SC/real/sort"
	for t in irm-norm irm-score irm-report sort; do
		cat >"$SC/bin/$t" <<EOF
#!/bin/sh
echo "\$*" >"$SC/tv/$t.\$\$.args"
exec $TIMER -v -o "$SC/tv/$t.\$\$" "$SC/real/$t" "\$@"
EOF
		chmod +x "$SC/bin/$t"
	done
	S="-s $SC/t/settings.json -p $SC/t/policies"

	# The single pipeline, sort included, its insights kept to compare,
	# and irm-parallel, every job's tools timed, alternately
	# BENCH_SCALE_RUNS times each (other work on the machine then weighs
	# on both alike): the ratio is the median of the runs' ratios.
	# (measure uses i: the runs here are counted in sr.)
	sr=0 ONE_L='' PAR_L='' RAT_L='' ONE_RSS=0
	while [ "$sr" -lt "$SC_RUNS" ]; do
		sr=$((sr + 1))
		rm -rf "$SC/par" "$SC/tv"
		mkdir "$SC/tv"
		# shellcheck disable=SC2086
		measure "single pipeline" 1 sh -c '
		    s=$1 p=$2 o=$3
		    shift 3
		    "$0"/irm-norm "$@" | sort -S 512M |
		        "$0"/irm-score -s "$s" -p "$p" | tee "$o.ins" |
		        "$0"/irm-report >"$o.alerts"' "$PWD/cmd" \
		    "$SC/t/settings.json" "$SC/t/policies" "$SC/one" \
		    "$SC"/t/raw/*
		ONE_RSS=$(awk -v a="$RSS" -v b="$ONE_RSS" \
		    'BEGIN {print (a + 0 > b + 0) ? a : b}')
		"$TIMER" -v -o "$SC/par.tv" env PATH="$SC/bin:$PATH" \
		    sh examples/scale/irm-parallel -j "$SC_JOBS" \
		    -s "$SC/t/settings.json" -p "$SC/t/policies" -o "$SC/par" \
		    "$SC"/t/raw/* >/dev/null 2>"$OUT/stderr.txt" ||
		    die "irm-parallel failed: $(tail -3 "$OUT/stderr.txt")"
		p=$(tv "$SC/par.tv" "Elapsed (wall clock) time (h:mm:ss or m:ss)")
		echo "bench: irm-parallel -j $SC_JOBS run $sr: $p s" >&2
		ONE_L="$ONE_L $SECS" PAR_L="$PAR_L $p"
		RAT_L="$RAT_L $(awk -v a="$p" -v b="$SECS" \
		    'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}')"
	done
	median() {
		printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1}
		    END {print NR % 2 ? v[(NR + 1) / 2] : \
		        (v[NR / 2] + v[NR / 2 + 1]) / 2}'
	}
	# shellcheck disable=SC2086
	ONE_S=$(median $ONE_L) PAR_S=$(median $PAR_L) RATIO=$(median $RAT_L)
	# CPU of the last partitioned run (its jobs are the tables' below).
	PAR_CPU=$(awk -v u="$(tv "$SC/par.tv" "User time (seconds)")" \
	    -v s="$(tv "$SC/par.tv" "System time (seconds)")" \
	    'BEGIN {print u + s}')
	SAME=no
	sort "$SC/one.ins" >"$SC/a"
	sort "$SC/par/insights.jsonl" >"$SC/b"
	if cmp -s "$SC/a" "$SC/b"; then
		sort "$SC/one.alerts" >"$SC/a"
		sort "$SC/par/alerts.jsonl" >"$SC/b"
		cmp -s "$SC/a" "$SC/b" && SAME=yes
	fi
	EV_N=$(cat "$SC"/par/work/part-*.ev | wc -l | tr -d ' ')
	EV_B=$(cat "$SC"/par/work/part-*.ev | wc -c | tr -d ' ')
	INS_N=$(wc -l <"$SC/par/insights.jsonl" | tr -d ' ')
	# irm-score with the tenant's settings and policies, no events.
	"$TIMER" -v -o "$SC/base.tv" "$IRM_SCORE" $S /dev/null >/dev/null 2>&1
	BASE_RSS=$(tv "$SC/base.tv" "Maximum resident set size (kbytes)")
	LOAD1=$(cut -d ' ' -f 1-3 /proc/loadavg)

	# One line per timed job: tool, step (map, sort, first, second,
	# report), partition, seconds, CPU seconds, peak RSS KB.
	for f in "$SC"/tv/*.args; do
		r=${f%.args}
		t=$(basename "$r")
		t=${t%.*}
		a=$(cat "$f")
		step=$t part=-
		case $t in
		irm-norm) step=map ;;
		irm-score)
			case $a in
			*--population-out*) step=first ;;
			*) step=second ;;
			esac
			;;
		irm-report) step=report ;;
		esac
		case $a in
		*part-*) part=${a##*part-} part=${part%%.*} ;;
		esac
		echo "$t $step $part $(tv "$r" "Elapsed (wall clock) time (h:mm:ss or m:ss)") $(tv "$r" "User time (seconds)") $(tv "$r" "System time (seconds)") $(tv "$r" "Maximum resident set size (kbytes)")"
	done >"$SC/jobs"

	report=$(awk -v one="$ONE_S" -v onerss="$ONE_RSS" -v par="$PAR_S" \
	    -v ratio="$RATIO" -v runs="$SC_RUNS" -v onel="$ONE_L" \
	    -v parl="$PAR_L" -v ratl="$RAT_L" \
	    -v pcpu="$PAR_CPU" -v j="$SC_JOBS" -v n="$EV_N" -v nb="$EV_B" \
	    -v rawb="$RAW_B" -v u="$SC_USERS" -v d="$SC_DAYS" \
	    -v base="$BASE_RSS" -v pu="$P_USERS" -v pd="$P_DAYS" \
	    -v nodes="$P_NODES" -v cores="$P_CORES" -v sortmb=1024 \
	    -v ratio_t="$SCALE_TARGET" '
	{
		step = $2
		cpu[step] += $5 + $6
		jobs[step]++
		if ($7 > rss[step])
			rss[step] = $7
		if ($3 != "-") {
			k = $3
			parts[k] = 1
			if (step == "first" || step == "second") {
				if ($7 > prss[k, step])
					prss[k, step] = $7
				pev[k] = 1
			}
		}
	}
	function mb(kb) {
		return sprintf("%.1f", kb / 1024)
	}
	END {
		print "## Wall time on " j " jobs against one pipeline"
		print ""
		print "| run | seconds, median of " runs " | each run |" \
		    " peak RSS MB (largest process) |"
		print "|---|---:|---|---:|"
		printf "| irm-norm \\| sort -S 512M \\| irm-score \\| " \
		    "irm-report | %.2f | %s | %s |\n", one, onel, mb(onerss)
		top = 0
		for (s in rss)
			if (rss[s] > top)
				top = rss[s]
		printf "| irm-parallel -j %d | %.2f | %s | %s |\n", j, par, \
		    parl, mb(top)
		printf "| ratio, run by run | %.2f | %s | |\n", ratio, ratl
		print ""
		printf "- irm-parallel -j %d / one pipeline, the median of " \
		    "%d runs of each, alternately: %.2fx (target <= %sx): " \
		    "%s\n", j, runs, ratio, ratio_t, \
		    (ratio <= ratio_t ? "PASS" : "MISS")
		print ""
		print "## Per step of irm-parallel: CPU and per-core rate"
		print ""
		print "| step | jobs | CPU seconds | events per CPU second |" \
		    " largest peak RSS MB |"
		print "|---|---:|---:|---:|---:|"
		ns = split("map sort first second report", st, " ")
		tot = 0
		for (i = 1; i <= ns; i++) {
			s = st[i]
			tot += cpu[s]
			printf "| %s | %d | %.2f | %s | %s |\n", s, jobs[s], \
			    cpu[s], (cpu[s] > 0 ? sprintf("%.0f", \
			    n / cpu[s]) : "n/a"), mb(rss[s])
		}
		printf "| the tools above | | %.2f | %.0f | |\n", tot, \
		    (tot > 0 ? n / tot : 0)
		printf "| the whole run (with cat, sh, parallel) | | " \
		    "%.2f | %.0f | |\n", pcpu, (pcpu > 0 ? n / pcpu : 0)
		print ""
		print "map: irm-norm -P --split per raw file; sort: a partition'"'"'s" \
		    " pieces, sort -S 1G of the files themselves; first: irm-score" \
		    " --population-out; second: irm-score --population;" \
		    " report: irm-report."
		print ""
		# The single pipeline cannot overlap irm-norm and irm-score
		# (sort reads every event before writing one): its wall
		# time is at least their CPU, the map and second pass here.
		path = cpu["map"] + cpu["second"]
		if (path > 0 && j > 0)
			printf "- The bound on %d cores: the whole run" \
			    " CPU / %d = %.1f s against the single" \
			    " pipeline path irm-norm then irm-score (map +" \
			    " second above) = %.1f s: at best %.2fx; with" \
			    " a first pass that cost nothing, %.2fx; with" \
			    " neither a first pass nor the sort, %.2fx.\n", \
			    j, j, pcpu / j, path, pcpu / j / path, \
			    (pcpu - cpu["first"]) / j / path, \
			    (pcpu - cpu["first"] - cpu["sort"]) / j / path
		print ""
		print "## Peak RSS per partition"
		print ""
		print "| partition | irm-score first pass MB |" \
		    " irm-score second pass MB |"
		print "|---:|---:|---:|"
		np = 0
		maxp = 0
		for (k = 0; (k in parts); k++) {
			np++
			printf "| %d | %s | %s |\n", k, mb(prss[k, "first"]), \
			    mb(prss[k, "second"])
			for (x = 1; x <= 2; x++) {
				v = prss[k, x == 1 ? "first" : "second"]
				if (v > maxp)
					maxp = v
			}
		}
		print ""
		printf "irm-score with the settings and policies and no " \
		    "events: %s MB; sort: at most %s MB (its buffer, -S " \
		    "1G, sized from the files, plus its own).\n", mb(base), mb(rss["sort"])
		print ""
		# The projection.
		epud = n / (u * d)
		e90 = pu * pd * epud
		cpe = pcpu / n
		core_s = e90 * cpe
		c = nodes * cores
		wall = core_s / c
		pp = c
		upp = pu / pp
		# State grows with users and the look-back days (up to 90).
		lb = pd < 90 ? pd : 90
		grow = (maxp - base) / (u / np) * upp * (lb / (d < 90 ? d : 90))
		prss_p = base + (grow > 0 ? grow : 0)
		print "## Projection: a " pd "-day back-test of " pu \
		    " users on " nodes " nodes of " cores " cores"
		print ""
		printf "| figure | value |\n|---|---:|\n"
		printf "| events per user-day (this tenant) | %.1f |\n", epud
		printf "| events | %.0f |\n", e90
		printf "| raw input GB | %.0f |\n", \
		    rawb / (u * d) * pu * pd / 1073741824
		printf "| events GB (written and read once per pass) |" \
		    " %.0f |\n", nb / (u * d) * pu * pd / 1073741824
		printf "| CPU seconds per million events (whole run) |" \
		    " %.1f |\n", cpe * 1e6
		printf "| core-hours | %.1f |\n", core_s / 3600
		printf "| partitions (one per core) | %d |\n", pp
		printf "| users per partition | %.0f |\n", upp
		printf "| wall time, perfect balance | %.1f minutes |\n", \
		    wall / 60
		printf "| wall time, one core | %.1f hours |\n", core_s / 3600
		printf "| irm-score peak RSS per partition (estimate) |" \
		    " %.0f MB |\n", prss_p / 1024
		printf "| memory per node, %d partitions at once |" \
		    " %.1f GB |\n", cores, \
		    cores * (prss_p / 1024 + sortmb) / 1024
		printf "| input read per node per second |" \
		    " %.0f MB/s |\n", \
		    rawb / (u * d) * pu * pd / 1048576 / nodes / wall
		print ""
		printf "Assumptions: events per user-day as in this irm-gen" \
		    " tenant (%.1f; a real tenant may differ: the time" \
		    " scales with events, not users); every core of the" \
		    " nodes as fast as one of this machine'"'"'s, measured" \
		    " as the whole run'"'"'s CPU seconds (all steps, the" \
		    " scripts and GNU parallel included) per event, which" \
		    " counts the work once however the jobs overlap;" \
		    " partitions balanced (users hash evenly; one heavy" \
		    " user makes its partition longer); %d partitions, one" \
		    " per core, each step'"'"'s jobs spread over every core;" \
		    " a shared file system that serves the input and the" \
		    " events at the rate above; the population and merge" \
		    " steps (concatenations) and job start-up left out;" \
		    " irm-score'"'"'s state growing with a partition'"'"'s" \
		    " users and with the days up to its 90-day look-back" \
		    " (this tenant: %d days), from the largest per-partition" \
		    " peak above less the no-events figure; sort'"'"'s" \
		    " buffer %d MB a job.\n", epud, pp, d, sortmb
	}' "$SC/jobs")

	cat >"$OUT/section.md" <<EOT
# Partitioned benchmark

$(date -u +%Y-%m-%dT%H:%MZ); $(uname -m), $(nproc) CPUs, ${CPU:-unknown CPU};
$("$IRM_SCORE" --version 2>/dev/null || echo irm-score).
Input: \`irm-gen -u $SC_USERS -d $SC_DAYS\` (seed 1, every scenario
planted), $(ls "$SC/t/raw" | wc -l | tr -d ' ') raw files of $((RAW_B / 1048576)) MB, $EV_N events, $INS_N insights.
The single pipeline and irm-parallel run alternately, $SC_RUNS times each;
seconds: wall clock, the median; CPU and peak RSS per step and
partition from /usr/bin/time -v in the last partitioned run (the
irm-parallel jobs' tools each under its own).  Partitioned
insights and alerts equal to one pipeline's (sorted): $SAME.
Load average (1, 5, 15 min) before: $LOAD0; after: $LOAD1 (above
$(nproc) means other work shared the cores: wall times are then long).$BUSY

$report
EOT
	cat "$OUT/section.md"
	save_section "$OUT/section.md"
	echo "bench: partitioned tables written to $RESULTS" >&2
	rm -rf "$SC"
	trap - EXIT
fi

rm -f "$OUT/time.txt" "$OUT/stderr.txt" "$OUT/gen.err" "$OUT/section.md"
exit 0
