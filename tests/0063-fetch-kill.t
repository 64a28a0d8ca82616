#!/bin/sh
# irm-fetch o365 runs with -o and a state, killed with SIGKILL at eight
# points, then run to the end, lose nothing: every record is written, the
# lines are whole, and a record is written twice only as part of a whole
# blob written again (one at most per kill: the blob written but not yet
# in the state); irm-norm keeps the record Id as event.id, by which
# irm-score counts each event once.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"

plan 7

emu_gen 4 $((NOW - 49 * 3600)) 48
# Each blob takes 20 ms, so the kills fall at different points of a run.
printf '{"tenant":"%s","client_id":"%s","secret":"%s","page_size":3,"delay_ms":20}\n' \
    "$TENANT" "$CLIENT" "$SECRET" >"$EMU_DIR/config.json"
emu_start
sort "$EMU_DIR/records.jsonl" >"$TMP/want"

kills=0
for d in 0.12 0.31 0.07 0.45 0.22 0.38 0.16 0.27; do
	fetch_bg -q --since 50h -s "$TMP/state" -o "$TMP/out" 2>>"$TMP/err"
	pid=$!
	sleep $d
	kill -KILL $pid 2>/dev/null && kills=$((kills + 1))
	wait $pid 2>/dev/null
done
check "the runs were killed ($kills of 8)" test $kills = 8
check_rc "the last run completes" 0 fetch -q --since 50h -s "$TMP/state" -o "$TMP/out"
sort -u "$TMP/out" >"$TMP/got"
check_same "every record was written" "$TMP/got" "$TMP/want"
check "the lines are whole records" irm-norm "$TMP/out" -o /dev/null

# Duplicates: whole blobs only, at most one per kill.
emu_blobs_again "$TMP/out" >"$TMP/dup"
read again partial <"$TMP/dup"
check "no blob was written in part ($partial)" test "$partial" = 0
check "at most one blob written again per kill ($again, $kills kills)" \
    test "$again" -le "$kills"
irm-norm "$TMP/out" | jq -r '.event.id' | sort -u >"$TMP/ids"
jq -r '.Id' "$EMU_DIR/records.jsonl" | sort -u >"$TMP/wantids"
check_same "event ids are the record ids, each once after sort -u" "$TMP/ids" "$TMP/wantids"
done_testing
