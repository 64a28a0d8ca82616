#!/bin/sh
# A cron line keeps its --start: with a state, a start older than the
# API's 7 days is used only where the state has no cursor, where the part
# that is gone is reported (exit 1) and fetching starts 7 days back; the
# next runs, with the same --start, go on from the state.  Without a
# state it is a usage error.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"
plan 5

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
