#!/bin/sh
# irm-fetch o365 survives the emulator's injected faults (429 with
# Retry-After, AF429 in a 403, 500, a connection dropped mid-body, a
# truncated JSON blob, a stalled response, a token expired mid-run) with
# the output unchanged, and fails with exit 3 when retries run out, having
# written whole blobs only and a state that does not pass them.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"

plan 28

emu_gen 2 $((NOW - 25 * 3600)) 24
emu_start
sort "$EMU_DIR/records.jsonl" >"$TMP/want"

# one_fault MSG KIND ROUTE LOGPAT: a run with one fault writes every
# record once, and the emulator's log shows the fault (LOGPAT).
one_fault() {
	: >"$EMU_DIR/requests.log"
	emu_fault "$2" "$3"
	fetch --since 26h -v >"$TMP/out" 2>"$TMP/err"
	rc=$?
	sort "$TMP/out" >"$TMP/got"
	if [ $rc = 0 ] && cmp -s "$TMP/got" "$TMP/want" &&
	    [ ! -s "$EMU_DIR/faults" ] && grep -q "$4" "$EMU_DIR/requests.log"; then
		ok "$1"
	else
		not_ok "$1: exit $rc"
		grep -v "irm-fetch: [<>*]" "$TMP/err" | tail -5 | sed 's/^/# /'
		diff "$TMP/want" "$TMP/got" | head -5 | cut -c1-100 | sed 's/^/# /'
	fi
}

one_fault "429 with Retry-After on a blob" 429 blob ' 429$'
check "the retry waits the Retry-After of 3 s (scaled by 0.01)" \
    grep -q 'HTTP 429 AF429; retry 1 of 6 in 0.030 s' "$TMP/err"
one_fault "AF429 inside a 403 on a blob" af429 blob ' 403$'
check "a 403 with AF429 is retried" grep -q 'HTTP 403 AF429; retry 1 of 6' "$TMP/err"
one_fault "AF429 inside a 403 on a listing" af429 content ' 403$'
one_fault "500 on a listing" 500 content ' 500$'
one_fault "500 on the token endpoint" 500 token 'oauth2/token 500$'
one_fault "500 on the subscription list" 500 list 'list[^ ]* 500$'
one_fault "a connection dropped mid-body" drop blob ' 200 drop$'
check "the dropped body is a transport error" grep -q '(18) ' "$TMP/err"
one_fault "a truncated JSON blob is fetched again" truncate blob ' 200 truncate$'
check "the truncated body is retried as not whole JSON" \
    grep -q 'body is not whole JSON' "$TMP/err"
one_fault "a truncated content listing" truncate content ' 200 truncate$'
start=$(date +%s)
one_fault "a stalled blob" stall blob ' 200 stall$'
check "the stall is cut by the (scaled) stall timeout, not by the server" \
    test $(($(date +%s) - start)) -le 7
check "the stall is a timeout" grep -q '(28) ' "$TMP/err"
one_fault "a token expired mid-run" expire blob ' 401 expire$'
check "a second token was fetched" \
    test "$(grep -c 'oauth2/token 200' "$EMU_DIR/requests.log")" = 2
one_fault "several faults in one run" 500 blob ' 500$'

# Retries run out: exit 3, the service's error, only whole blobs written,
# and the state holds exactly the blobs written.
: >"$EMU_DIR/requests.log"
emu_fault 500 'blob 4'
fetch --since 26h --max-retries 0 -s "$TMP/state" -o "$TMP/part" 2>"$TMP/err"
check "retries exhausted: exit 3" test $? = 3
check "retries exhausted: the service's code and message" \
    grep -q "^irm-fetch: $EMU/api/v1.0/$TENANT/activity/feed/audit/[^ ]*: HTTP 500: AF50000: An internal server error occurred. Retry the request.\$" "$TMP/err"
grep '/audit/' "$EMU_DIR/requests.log" | grep -c ' 200$' >"$TMP/nblobs"
check "four blobs were fetched before the failure" test "$(cat "$TMP/nblobs")" = 4
check "the written lines are whole records" irm-norm "$TMP/part" -o /dev/null
check "the state names four blobs and no cursor" \
    perl -MJSON::PP -e 'local $/; open F, $ARGV[0] or die; my $s = decode_json(<F>);
	exit !(keys %{$s->{seen}} == 4 && !%{$s->{cursors}})' "$TMP/state"
check_rc "the rerun completes" 0 fetch --since 26h -s "$TMP/state" -o "$TMP/part"
sort "$TMP/part" >"$TMP/got"
check_same "together the two runs wrote every record once" "$TMP/got" "$TMP/want"

# Nothing listens: exit 3 after the retries.
fetch --since 26h --max-retries 1 --base-url http://127.0.0.1:1 \
    --login-url http://127.0.0.1:1 >"$TMP/out" 2>"$TMP/err"
check "unreachable service: exit 3" test $? = 3
check "unreachable service: a connection error" \
    grep -q '^irm-fetch: token: http://127.0.0.1:1/.*: (7) ' "$TMP/err"
done_testing
