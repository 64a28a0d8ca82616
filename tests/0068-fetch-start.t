#!/bin/sh
# A cron line keeps its --start: with a state, a start older than the
# API's 7 days is used only where the state has no cursor, where the part
# that is gone is reported (exit 1) and fetching starts 7 days back; the
# next runs, with the same --start, go on from the state.  Without a
# state it is a usage error.  When the service's clock is ahead of ours
# (or a run outlasts our margin) and it refuses the start as too old, the
# start moves on in steps and the part skipped is reported.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"
plan 9

emu_gen 9 $((NOW - 6 * 86400)) 24
emu_start
start=$(date -u -d "@$((NOW - 10 * 86400))" +%Y-%m-%dT%H:%M:%SZ)
fetch -q --start "$start" -o "$TMP/out1" 2>"$TMP/err"
check_rc "without a state, a start 10 days back is a usage error (exit 2)" 2 \
    fetch -q --start "$start" -o "$TMP/out1"
fetch -q --start "$start" -s "$TMP/state" -o "$TMP/out" 2>"$TMP/err"
rc=$?
check "with a state, the first run fetches from 7 days back and exits 1 ($rc)" test "$rc" = 1
check "each content type reports the part that is gone, with its window" \
    test "$(grep -c "is no longer available (the API keeps 7 days)" "$TMP/err")" = 5
sort "$EMU_DIR/records.jsonl" >"$TMP/want"
sort "$TMP/out" >"$TMP/got"
check_same "every record available was written" "$TMP/got" "$TMP/want"
NOW=$((NOW + 3600))
check_rc "the next run, same --start, goes on from the state (exit 0)" 0 \
    fetch -q --start "$start" -s "$TMP/state" -o "$TMP/out"

# The service's clock 20 minutes ahead: our start 7 days back is too old
# for it (AF20055) and moves on by 10 minutes until it is taken.
rm -f "$EMU_DIR/requests.log"
emu_fault clock+1200 token
fetch -q --start "$start" -s "$TMP/state2" -o "$TMP/out2" 2>"$TMP/err2"
rc=$?
check "a clock 20 minutes ahead: the run completes, exit 1 ($rc)" test "$rc" = 1
check "each content type reports the part that was gone when listed" \
    test "$(grep -c "expired before it was listed" "$TMP/err2")" = 5
check "the refused starts were retried 10 minutes on" \
    test "$(grep -c ' 400$' "$EMU_DIR/requests.log")" = 10
sort "$TMP/out2" >"$TMP/got2"
check_same "every record available was written" "$TMP/got2" "$TMP/want"
