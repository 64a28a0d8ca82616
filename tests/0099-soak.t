#!/bin/sh
# Whole-pipeline soak: the O365 records of a tenant from irm-gen (every
# planted scenario) are served by the Management Activity API emulator;
# fourteen daily cron runs fetch them
# with a state and -o, under injected faults and SIGKILLs, and feed each
# day's records (with that day's HR and badge events) through irm-norm |
# sort | irm-score --state | irm-report -S, some of those runs killed and
# rerun too, and a month-end run with --final.  The store must end with
# exactly the alerts of one clean run over the same records.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 6

DAYS=14
DAY=86400
MAR1=1772323200 # 2026-03-01T00:00:00Z
G=$TMP/tenant
irm-gen -u 16 -d $DAYS -b 2026-03-01 -s 11 "$G" || exit 1
cat "$G"/raw/*-audit.jsonl >"$TMP/audit.jsonl"

# The tenant's records as content blobs, one per content type and hour.
emu_blobs soak "$TMP/audit.jsonl"
printf '{"tenant":"%s","client_id":"%s","secret":"%s","page_size":4,"delay_ms":40}\n' \
    "$TENANT" "$CLIENT" "$SECRET" >"$EMU_DIR/config.json"
emu_start

# The clean run: every record at once.
irm-norm "$G"/raw/* | sort >"$TMP/all-events"
irm-score -s "$G/settings.json" -p "$G/policies" "$TMP/all-events" |
    irm-report -S "$TMP/clean" >/dev/null
irm-case -S "$TMP/clean" list >"$TMP/want"
ls "$G"/raw/* | grep -v -- '-audit.jsonl$' | xargs irm-norm >"$TMP/other"

# day.sh DAY RAW: one day's records and events into the store, as a cron
# job should: irm-score --state appends to a file (synced before its state
# is saved) and irm-report reads the file, so a day killed at any point
# can be run again whole.  A script, so that setsid can give it a process
# group of its own for the kill.
cat >"$TMP/day.sh" <<EOF
{ irm-norm "\$2"; grep "^{\\"@timestamp\\":\\"\$1" "$TMP/other"; } | sort |
    irm-score -s "$G/settings.json" -p "$G/policies" --state "$TMP/score.state" \\
    -o "$TMP/ins-\$1" && irm-report -S "$TMP/store" "$TMP/ins-\$1" >/dev/null
EOF
pipeline() { sh "$TMP/day.sh" "$@"; }

kills=0 faults=0 bad=0
: >"$TMP/errors"
for k in $(seq 0 $((DAYS - 1))); do
	NOW=$((MAR1 + (k + 1) * DAY + 3600))
	day=$(date -u -d "@$((MAR1 + k * DAY))" +%Y-%m-%d)
	raw=$TMP/raw-$day.jsonl
	# The first run says where to start; the state knows after that.
	start=
	[ "$k" = 0 ] && start="--start 2026-03-01T00:00:00Z"
	case $((k % 3)) in
	1) emu_fault 429 list; emu_fault 500 blob; faults=$((faults + 2)) ;;
	2) emu_fault truncate blob; emu_fault drop content; faults=$((faults + 2)) ;;
	0)
		fetch_bg -q $start -s "$TMP/fetch.state" -o "$raw" 2>>"$TMP/errors"
		pid=$!
		sleep 0.0$((k % 9 + 1))
		kill -KILL $pid 2>/dev/null && kills=$((kills + 1))
		wait $pid 2>/dev/null
		;;
	esac
	if ! fetch -q $start -s "$TMP/fetch.state" -o "$raw" 2>>"$TMP/errors"; then
		echo "fetch for $day failed" >>"$TMP/errors"
		bad=$((bad + 1))
	fi
	touch "$raw"
	if [ $((k % 4)) = 2 ]; then
		# Kill the scoring pipeline part-way, then run the day again.
		# Its own process group, so the kill takes every process of
		# the day's job at once, as a reboot would.
		setsid sh "$TMP/day.sh" "$day" "$raw" 2>/dev/null &
		pid=$!
		sleep 0.00$((k % 9 + 1))
		kill -KILL -- -$pid 2>/dev/null && kills=$((kills + 1))
		wait $pid 2>/dev/null
	fi
	pipeline "$day" "$raw" || bad=$((bad + 1))
done
# The month is over: its last days become final, as in a month-end run.
irm-score -s "$G/settings.json" -p "$G/policies" --state "$TMP/score.state" --final \
    -o "$TMP/ins-final" </dev/null &&
    irm-report -S "$TMP/store" "$TMP/ins-final" >/dev/null || bad=$((bad + 1))
grep -v "^irm-fetch: retry" "$TMP/errors" | head -5 | sed 's/^/# /'
check "every daily run completed in the end ($bad failures)" test "$bad" = 0
check "faults were injected and runs killed ($faults faults, $kills kills)" \
    test "$faults" -ge 16 -a "$kills" -ge 3
cat "$TMP"/raw-*.jsonl | jq -r .Id | sort -u >"$TMP/got-ids"
jq -r .Id "$TMP/audit.jsonl" | sort -u >"$TMP/want-ids"
check_same "every record was fetched" "$TMP/got-ids" "$TMP/want-ids"
irm-case -S "$TMP/store" list >"$TMP/got"
check "the clean run has alerts ($(wc -l <"$TMP/want"))" test -s "$TMP/want"
check_same "the store holds exactly the clean run's alerts" "$TMP/got" "$TMP/want"
check_rc "the store's journal verifies" 0 irm-case -S "$TMP/store" verify
