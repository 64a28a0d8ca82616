#!/bin/sh
# irm-score counts each event once, also after its day is final (issue 13
# point 9): a rerun with --state over events already counted for final
# days (yesterday's raw file processed again) writes the insights of one
# run over all the events, no revisions; the short ids of the counted
# events survive the state file; a new late event still counts; and past
# IRM_KEPT_MAX counted events a day, late events for that day are not
# counted, and said so (irm-score(1)).
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
EX=$TOP/examples
S=$TESTS/data/score/scenario
plan 10

# ev TIME ID USER ACTIVITY [IRM-EXTRA [TOP-EXTRA]]: one irm event.
ev() {
	printf '{"@timestamp":"%s","event":{"id":"%s","action":"x"},"user":{"name":"%s"},"irm":{"activity":"%s"%s}%s}\n' \
	    "$1" "$2" "$3" "$4" "${5:-}" "${6:-}"
}
# latest FILE...: each insight at its last revision, revision left out,
# sorted by id: what the insights say once the revisions are applied.
latest() {
	cat "$@" | jq -s -c 'group_by(.event.id) | map(max_by(.irm.revision)
	    | del(.irm.revision)) | sort_by(.event.id)[]'
}
score() {
	irm-score -s "$EX/settings.json" -p "$EX/policies" "$@"
}

# The example tenant up to 18 March (a), and up to 19 March (b).
irm-norm "$EX"/tenant/* 2>/dev/null | sort >"$TMP/ev"
awk -F'"@timestamp":"' 'substr($2, 1, 10) <= "2026-03-18"' "$TMP/ev" >"$TMP/a"
awk -F'"@timestamp":"' 'substr($2, 1, 10) <= "2026-03-19"' "$TMP/ev" >"$TMP/b"
score "$TMP/b" >"$TMP/one" 2>/dev/null
latest "$TMP/one" >"$TMP/want"

# 1. Run up to the 18th with days before the 19th final, then rerun
#    with the 18th's file again and the 19th's events.
score --state "$TMP/s" --now 2026-03-19T00:00:00Z "$TMP/a" >"$TMP/o1" 2>/dev/null
score --state "$TMP/s" --final "$TMP/b" >"$TMP/o2" 2>"$TMP/err"
latest "$TMP/o1" "$TMP/o2" >"$TMP/got"
check_same "replayed final days: the insights of one run over both days" \
    "$TMP/got" "$TMP/want"
check "... and no revision written" \
    test "$(jq -s 'map(select(.irm.revision > 0)) | length' "$TMP/o2")" = 0
check "... and stderr says the replayed events were not counted" \
    grep -q '^irm-score: [1-9][0-9]* of them not counted: already counted' \
    "$TMP/err"

# 2. The ids come back from the state file: the same file a third time
#    writes nothing.
score --state "$TMP/s" --final "$TMP/b" >"$TMP/o3" 2>/dev/null
check "a third run over the same events writes nothing" test ! -s "$TMP/o3"
check "the state keeps the counted ids of final days" \
    grep -q '"[0-9a-f]\{8\}[0-9a-f]*",0,[0-9]*\]' "$TMP/s"

# 3. In one run: a replay of an event for a final day is not counted; a
#    new late event is (revision 1).
LABEL=',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"'
{
	ev 2026-03-02T09:00:00.000Z hr-1 alice@contoso.com hr_resignation \
	    ',"hr":{"resignation_date":"2026-03-02T00:00:00.000Z","last_working_date":"2026-03-20T00:00:00.000Z"}'
	usb_copies alice@contoso.com a 2026-03-05T10:%02d:00.000Z f%d.xlsx 0 30 "$LABEL"
	ev 2026-03-09T10:00:00.000Z later alice@contoso.com file_accessed
} >"$TMP/d.jsonl"
{
	cat "$TMP/d.jsonl"
	ev 2026-03-05T10:07:00.000Z a-7 alice@contoso.com usb_copied "$LABEL" ',"file":{"name":"f7.xlsx"}'
} >"$TMP/replay.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/replay.jsonl" >"$TMP/out" 2>"$TMP/err"
check "a replayed event in the same run: one insight, count 30" \
    test "$(jq -r '[.irm.count,.irm.revision]|join(" ")' "$TMP/out")" = "30 0"
printf 'irm-score: 1 late event for days already final\nirm-score: 1 of them not counted: already counted for their day, or their day counted more than 4096 events\n' >"$TMP/want"
check_same "... stderr says so" "$TMP/err" "$TMP/want"
{
	cat "$TMP/d.jsonl"
	ev 2026-03-05T23:59:00.000Z late-1 alice@contoso.com usb_copied "$LABEL" ',"file":{"name":"late.xlsx"}'
} >"$TMP/late.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/late.jsonl" >"$TMP/out" 2>/dev/null
check "a new late event still counts: revision 1, count 31" \
    test "$(jq -r '[.irm.count,.irm.revision]|join(" ")' "$TMP/out" | tail -n 1)" = "31 1"

# 4. The cap: a day that counted 4097 events keeps no more ids; a late
#    event for it is not counted (it might be a replay), and said so.
{
	ev 2026-03-02T09:00:00.000Z hr-1 alice@contoso.com hr_resignation \
	    ',"hr":{"resignation_date":"2026-03-02T00:00:00.000Z","last_working_date":"2026-03-20T00:00:00.000Z"}'
	awk -v l="$LABEL" 'BEGIN { for (i = 0; i < 4097; i++)
	    printf "{\"@timestamp\":\"2026-03-05T10:00:00.000Z\",\"event\":{\"id\":\"c-%d\",\"action\":\"x\"},\"user\":{\"name\":\"alice@contoso.com\"},\"irm\":{\"activity\":\"usb_copied\"%s},\"file\":{\"name\":\"f%d.xlsx\"}}\n", i, l, i }'
	ev 2026-03-09T10:00:00.000Z later alice@contoso.com file_accessed
	ev 2026-03-05T23:59:00.000Z late-1 alice@contoso.com usb_copied "$LABEL" ',"file":{"name":"late.xlsx"}'
} >"$TMP/cap.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/cap.jsonl" >"$TMP/out" 2>"$TMP/err"
check "past the cap: a late event is not counted (count 4097, no revision)" \
    test "$(jq -r '[.irm.count,.irm.revision]|join(" ")' "$TMP/out")" = "4097 0"
check "... and stderr says so" grep -q '^irm-score: 1 of them not counted' "$TMP/err"
