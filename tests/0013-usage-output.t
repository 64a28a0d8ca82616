#!/bin/sh
# Output files and standard output.  The -o and -r files, the --state
# files of irm-fetch and irm-score (and their .lock) and the store of
# irm-report and irm-case open only after every option has parsed: a
# usage error (an unknown option, a bad argument, a bad configuration or
# --start-scoring file) exits 2 and leaves an existing file's bytes as
# they were and creates no missing one.  Every tool writing to
# standard output on a full disk (or to a full -o or -r file) exits 3
# with a message.
. "$(dirname "$0")/lib.sh"
plan 95

EX=$TOP/examples
score() { irm-score -s "$EX/settings.json" -p "$EX/policies" "$@"; }
# A sentinel with a partial last line: the append modes' repair of a
# partial line must not run either.
printf 'sentinel\n{"partial' >"$TMP/sentinel"

# run CMD: eval CMD (its standard output to /dev/null unless CMD sends
# it elsewhere); the status in _rc, standard error in $TMP/err.
run() {
	eval "$1" >/dev/null 2>"$TMP/err"
	_rc=$?
}

# verdict MSG TEST...: ok when TEST passes, else not ok with the status
# and standard error of the last run.
verdict() {
	_msg=$1
	shift
	if "$@"; then
		ok "$_msg"
		return
	fi
	not_ok "$_msg"
	echo "# exit $_rc"
	sed 's/^/# /' "$TMP/err"
}

kept() { [ "$_rc" = 2 ] && cmp -s "$TMP/f" "$TMP/sentinel" && [ ! -e "$TMP/f.lock" ]; }
not_made() { [ "$_rc" = 2 ] && [ ! -e "$TMP/f" ] && [ ! -e "$TMP/f.lock" ]; }

# untouched MSG CMD: CMD, given the sentinel as F, exits 2 and leaves it
# byte for byte; given a missing F, exits 2 and creates nothing.
untouched() {
	F=$TMP/f
	cp "$TMP/sentinel" "$F"
	run "$2"
	verdict "$1: exit 2, the file untouched" kept
	rm -f "$F"
	run "$2"
	verdict "$1: exit 2, a missing file not created" not_made
}

untouched "irm-norm -o F --bogus" 'irm-norm -o "$F" --bogus'
untouched "irm-norm -o F -f nosuch" 'irm-norm -o "$F" -f nosuch'
untouched "irm-norm -r F --bogus" 'irm-norm -r "$F" --bogus'
untouched "irm-norm -r F -t Nowhere/Nosuch" 'irm-norm -r "$F" -t Nowhere/Nosuch'
untouched "irm-score -o F --bogus" 'score -o "$F" --bogus'
untouched "irm-score -o F --lag 999" 'score -o "$F" --lag 999'
untouched "irm-score -r F --bogus" 'score -r "$F" --bogus'
untouched "irm-score -r F --lag 999" 'score -r "$F" --lag 999'
untouched "irm-score -r F without a policy" 'irm-score -s "$EX/settings.json" -r "$F"'
untouched "irm-score -r F with missing settings" 'irm-score -s "$TMP/none" -p "$EX/policies" -r "$F"'
untouched "irm-report -o F --bogus" 'irm-report -o "$F" --bogus'
untouched "irm-report -o F -f nosuch" 'irm-report -o "$F" -f nosuch'
untouched "irm-report -r F --bogus" 'irm-report -r "$F" --bogus'
untouched "irm-report -r F -f nosuch" 'irm-report -r "$F" -f nosuch'
untouched "irm-fetch url -o F --bogus" 'irm-fetch -o "$F" --bogus url "file://$TMP/x"'
untouched "irm-fetch url -o F --max-retries 99" 'irm-fetch -o "$F" --max-retries 99 url "file://$TMP/x"'
untouched "irm-fetch o365 -o F without a tenant" 'irm-fetch -o "$F" o365'
# The other outputs: irm-fetch's and irm-score's state (and its .lock),
# irm-score's -o and --state with a bad --start-scoring file, a store.
printf 'user,start,days\nbob,not a time,3\n' >"$TMP/start.csv"
unset IRM_CLIENT_SECRET
untouched "irm-fetch o365 -s F --bogus" 'irm-fetch -s "$F" --bogus o365'
untouched "irm-fetch o365 -s F without a tenant" 'irm-fetch -s "$F" o365'
untouched "irm-fetch o365 -s F without a secret" 'irm-fetch -s "$F" --tenant t --client-id c o365'
untouched "irm-fetch o365 -s F --content-type bogus" 'IRM_CLIENT_SECRET=x irm-fetch -s "$F" --tenant t --client-id c --content-type Bogus o365'
untouched "irm-fetch graph -s F without --resource" 'IRM_CLIENT_SECRET=x irm-fetch -s "$F" --tenant t --client-id c graph'
untouched "irm-score --state F --lag 999" 'score --state "$F" --lag 999'
untouched "irm-score --state F, a bad --start-scoring file" 'score --state "$F" --start-scoring "$TMP/start.csv" </dev/null'
untouched "irm-score -o F, a bad --start-scoring file" 'score -o "$F" --start-scoring "$TMP/start.csv" </dev/null'
untouched "irm-score -r F, a bad --start-scoring file" 'score -r "$F" --start-scoring "$TMP/start.csv" </dev/null'

# What the outputs should hold, for the runs below.
irm-norm "$EX"/tenant/* >"$TMP/events" 2>/dev/null
score "$TMP/events" >"$TMP/ins" 2>/dev/null
printf '%s\n' '{"CreationTime":"2026-03-02T10:00:00","Id":"a1","Operation":"FileAccessed","UserId":"a@contoso.com"}' \
    'not json' >"$TMP/bad.jsonl"
printf '[{"a":1},{"a":2}]' >"$TMP/arr.json"

# A good run still writes its -o file, truncated first.
echo stale >"$TMP/o"
irm-norm -o "$TMP/o" "$EX"/tenant/* 2>/dev/null
check_same "irm-norm -o: the events, truncated first" "$TMP/o" "$TMP/events"
echo stale >"$TMP/o"
score -o "$TMP/o" "$TMP/events" 2>/dev/null
check_same "irm-score -o: the insights, truncated first" "$TMP/o" "$TMP/ins"
irm-report "$TMP/ins" >"$TMP/alerts"
echo stale >"$TMP/o"
irm-report -o "$TMP/o" "$TMP/ins"
check_same "irm-report -o: the alerts, truncated first" "$TMP/o" "$TMP/alerts"
irm-fetch url "file://$TMP/arr.json" >"$TMP/recs"
printf 'old\n' >"$TMP/o"
irm-fetch -o "$TMP/o" url "file://$TMP/arr.json"
{ echo old; cat "$TMP/recs"; } >"$TMP/want"
check_same "irm-fetch -o: the records, appended" "$TMP/o" "$TMP/want"

# full MSG CMD: CMD with an output on a full disk exits 3 with a message.
full_ok() { [ "$_rc" = 3 ] && grep -q 'No space left on device' "$TMP/err"; }
full() {
	run "$2"
	verdict "$1: exit 3 with a message" full_ok
}

irm-report -S "$TMP/s" "$TMP/ins" >/dev/null
A=$(irm-case -S "$TMP/s" list | head -n 1 | sed 's/.*"kind":"alert","id":"\([^"]*\)".*/\1/')
irm-case -S "$TMP/s" -b ann confirm --new-case inquiry "$A" >/dev/null
printf 'From: hr@contoso.com\nSubject: hello\n\nHi {{user}}.\n' >"$TMP/tmpl"

# A store that a usage error must leave alone: not created when missing,
# its journal byte for byte when there.
store_kept() { [ "$_rc" = 2 ] && cmp -s "$TMP/s/journal.jsonl" "$TMP/journal"; }
no_store() { [ "$_rc" = 2 ] && [ ! -e "$TMP/nostore" ]; }
cp "$TMP/s/journal.jsonl" "$TMP/journal"
for c in "irm-report -S D --bogus" "irm-report -S D --fail-on bogus" \
    "irm-report -S D --by-user --risk-levels" "irm-case -S D list --bogus" \
    "irm-case -S D dismiss $A" "irm-case -S D confirm --case case-1 --new-case x $A" \
    "irm-case -S D resolve --action x case-1 bogus" "irm-case -S D bogus" \
    "irm-case -S D reveal --key k case-1" "irm-case -S D notice case-1" \
    "irm-case -S D note case-1"; do
	run "$(echo "$c" | sed "s|-S D|-S $TMP/s|") <\"\$TMP/ins\""
	verdict "$c: exit 2, the store's journal untouched" store_kept
	run "$(echo "$c" | sed "s|-S D|-S $TMP/nostore|") <\"\$TMP/ins\""
	verdict "$c: exit 2, a missing store not created" no_store
done

full "irm-gen -l >/dev/full" 'irm-gen -l >/dev/full'
full "irm-norm >/dev/full" 'irm-norm "$EX/tenant/audit-2026-03.jsonl" >/dev/full'
full "irm-norm -o /dev/full" 'irm-norm -o /dev/full "$EX/tenant/audit-2026-03.jsonl"'
full "irm-norm -r /dev/full" 'irm-norm -r /dev/full "$TMP/bad.jsonl" >/dev/null'
full "irm-score >/dev/full" 'score "$TMP/events" >/dev/full'
full "irm-score -o /dev/full" 'score -o /dev/full "$TMP/events"'
full "irm-score -r /dev/full" 'score -r /dev/full "$TMP/ins" >/dev/null'
full "irm-score --list-indicators >/dev/full" 'score --list-indicators >/dev/full'
full "irm-score --stats >/dev/full" 'score --stats "$TMP/events" >/dev/full'
full "irm-report >/dev/full" 'irm-report "$TMP/ins" >/dev/full'
full "irm-report -o /dev/full" 'irm-report -o /dev/full "$TMP/ins"'
full "irm-report -r /dev/full" 'irm-report -r /dev/full "$TMP/bad.jsonl" >/dev/null'
full "irm-report --risk-levels >/dev/full" 'irm-report --risk-levels "$TMP/ins" >/dev/full'
full "irm-fetch url >/dev/full" 'irm-fetch url "file://$TMP/arr.json" >/dev/full'
full "irm-case list --cases >/dev/full" 'irm-case -S "$TMP/s" list --cases >/dev/full'
full "irm-case verify >/dev/full" 'irm-case -S "$TMP/s" verify >/dev/full'
full "irm-case notice >/dev/full" 'irm-case -S "$TMP/s" -b ann notice --template "$TMP/tmpl" case-1 >/dev/full'
done_testing
