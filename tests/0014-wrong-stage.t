#!/bin/sh
# Input of the wrong stage.  irm-score reads events and irm-report reads
# insights; given raw audit records, a CSV file, events, insights or
# alerts instead, a tool reports the first record as usual, then one hint
# naming the tool that comes first, then two more records, and at the end
# of the file the count of the others: five messages for a whole file,
# not one per record.  Every record is still rejected (exit 1, each in
# the -r file).  Malformed records of the right stage are each reported.
. "$(dirname "$0")/lib.sh"
plan 16

EX=$TOP/examples
score() { irm-score -s "$EX/settings.json" -p "$EX/policies" "$@"; }
RAW=$EX/tenant/audit-2026-03.jsonl
irm-norm "$EX"/tenant/* >"$TMP/events" 2>/dev/null
score "$TMP/events" >"$TMP/ins" 2>/dev/null
irm-report -f csv "$TMP/ins" >"$TMP/alerts.csv"
irm-report "$TMP/ins" >"$TMP/alerts.jsonl"
nraw=$(wc -l <"$RAW")
nev=$(wc -l <"$TMP/events")
ncsv=$(wc -l <"$TMP/alerts.csv")
nins=$(wc -l <"$TMP/ins")
nal=$(wc -l <"$TMP/alerts.jsonl")

# stage MSG WANT-HINT N CMD: CMD exits 1 with five lines on stderr: the
# record messages of lines 1-3, the hint after the first, and the count
# of the N-3 others; the -r file $TMP/rej holds every record.
stage() {
	_msg=$1 _hint=$2 _n=$3
	rm -f "$TMP/rej"
	eval "$4" >/dev/null 2>"$TMP/err"
	_rc=$?
	_lines=$(wc -l <"$TMP/err")
	_more=$((_n - 3))
	if [ "$_rc" = 1 ] && [ "$_lines" = 5 ] &&
	    sed -n 2p "$TMP/err" | grep -qF -- "$_hint" &&
	    sed -n 5p "$TMP/err" | grep -q ": $_more more .* rejected (the first 3 reported)\$"; then
		ok "$_msg: one hint, five lines"
	else
		not_ok "$_msg: exit $_rc, $_lines lines"
		sed 's/^/# /' "$TMP/err" | head -8
	fi
	if [ "$(wc -l <"$TMP/rej")" = "$_n" ]; then
		ok "$_msg: all $_n records in the reject file"
	else
		not_ok "$_msg: $(wc -l <"$TMP/rej") records in the reject file, want $_n"
	fi
}

stage "raw records into irm-score" "run irm-norm first" "$nraw" \
    'score -r "$TMP/rej" "$RAW"'
stage "a CSV file into irm-score" "run irm-norm first" "$ncsv" \
    'score -r "$TMP/rej" "$TMP/alerts.csv"'
stage "insights into irm-score" "for irm-report" "$nins" \
    'score -r "$TMP/rej" "$TMP/ins"'
stage "raw records into irm-report" "run irm-norm and irm-score first" "$nraw" \
    'irm-report -r "$TMP/rej" "$RAW"'
stage "a CSV file into irm-report" "run irm-norm and irm-score first" "$ncsv" \
    'irm-report -r "$TMP/rej" "$TMP/alerts.csv"'
stage "events into irm-report" "run irm-score first" "$nev" \
    'irm-report -r "$TMP/rej" "$TMP/events"'
stage "alerts into irm-report" "irm-report's output" "$nal" \
    'irm-report -r "$TMP/rej" "$TMP/alerts.jsonl"'

# Each file counts on its own: two files of events, two hints.
irm-report "$TMP/events" "$TMP/events" >/dev/null 2>"$TMP/err"
n=$(grep -c 'run irm-score first' "$TMP/err")
if [ "$n" = 2 ] && [ "$(wc -l <"$TMP/err")" = 10 ]; then
	ok "irm-report: a hint and a count per file"
else
	not_ok "irm-report: $n hints, $(wc -l <"$TMP/err") lines for two files"
fi

# Malformed insights are not of another stage: one message each.
printf '%s\n' '{"@timestamp":"2026-03-02T00:00:00Z","event":{"kind":"signal"}}' \
    '{"@timestamp":"2026-03-02T00:00:00Z","event":{"kind":"signal"}}' \
    '{"@timestamp":"2026-03-02T00:00:00Z","event":{"kind":"signal"}}' \
    '{"@timestamp":"2026-03-02T00:00:00Z","event":{"kind":"signal"}}' \
    '{"@timestamp":"2026-03-02T00:00:00Z","event":{"kind":"signal"}}' >"$TMP/badins"
irm-report "$TMP/badins" >/dev/null 2>"$TMP/err"
if [ "$(wc -l <"$TMP/err")" = 5 ] && ! grep -q 'first' "$TMP/err"; then
	ok "irm-report: malformed insights, one message each"
else
	not_ok "irm-report: malformed insights"
	sed 's/^/# /' "$TMP/err"
fi
done_testing
