#!/bin/sh
# The reject files of irm-norm, irm-score and irm-report (-r): created
# mode 0600 and appended to; a last line a killed run left without its
# newline is ended before the next record, so the two are never glued
# into one; a reject file that is not a regular file (/dev/stderr) works.
. "$(dirname "$0")/lib.sh"
plan 10

EX=$TOP/examples
printf '%s\n' \
    '{"CreationTime":"2026-03-02T10:00:00","Id":"a1","Operation":"FileAccessed","UserId":"a@contoso.com"}' \
    'not json' >"$TMP/in.jsonl"
irm-norm "$TMP/in.jsonl" >"$TMP/ev" 2>/dev/null
echo '{"user":{"name":"x"}}' >>"$TMP/ev"
echo '{"bad":1}' >"$TMP/ins"

# rej TOOL ARGS...: run TOOL with -r on a reject file holding a partial
# line; exit 1 and the file is the partial line, ended, then the record.
rej() {
	_t=$1
	shift
	printf 'partial' >"$TMP/rej.$_t"
	"$@" -r "$TMP/rej.$_t" >/dev/null 2>&1
	check "$_t: a rejected record exits 1" test $? = 1
	printf 'partial\n%s\n' "$(tail -n 1 "$REC")" >"$TMP/want.$_t"
	check_same "$_t: the partial line is ended, the record on its own line" \
	    "$TMP/rej.$_t" "$TMP/want.$_t"
}
REC=$TMP/in.jsonl rej irm-norm irm-norm "$TMP/in.jsonl"
REC=$TMP/ev rej irm-score irm-score -s "$EX/settings.json" -p "$EX/policies" "$TMP/ev"
REC=$TMP/ins rej irm-report irm-report "$TMP/ins"

rm -f "$TMP/new"
irm-norm -r "$TMP/new" "$TMP/in.jsonl" >/dev/null 2>&1
check "a new reject file is mode 0600" test "$(stat -c %a "$TMP/new")" = 600
irm-norm -r "$TMP/new" "$TMP/in.jsonl" >/dev/null 2>&1
check "a second run appends" test "$(grep -c 'not json' "$TMP/new")" = 2
irm-norm -r /dev/stderr "$TMP/in.jsonl" 2>"$TMP/err" >/dev/null
check "-r /dev/stderr: the record on stderr" grep -qx 'not json' "$TMP/err"
check_rc "a reject file in a missing directory: usage error" 2 \
    irm-norm -r "$TMP/no/such" "$TMP/in.jsonl"
