#!/bin/sh
# irm-fetch never shows a secret: a full --verbose run against the
# emulator, with an expired token and retries, leaves neither the client
# secret nor any token the emulator issued in its output, its trace, its
# state or its -o file; a token given in a url --header-file is not traced
# either, and a wrong secret is not echoed.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"

plan 9

emu_gen 5 $((NOW - 25 * 3600)) 24
emu_start
emu_fault expire blob
emu_fault 429 token
emu_fault 500 blob
fetch -v --since 26h -s "$TMP/state" -o "$TMP/out" >"$TMP/stdout" 2>"$TMP/trace"
check "a full verbose run: exit 0" test $? = 0
check "two tokens were issued" test "$(wc -l <"$EMU_DIR/tokens")" = 2
check "the trace is a real trace" grep -q '^irm-fetch: > GET /api/v1.0/' "$TMP/trace"
check "Authorization headers are redacted" \
    grep -q '^irm-fetch: > Authorization: \[redacted\]$' "$TMP/trace"
check "token bodies are not shown" \
    grep -q '^irm-fetch: < \[[0-9]* bytes of body, redacted\]$' "$TMP/trace"

# leaks FILE...: the lines of FILEs that hold the secret or a token.
leaks() {
	grep -F -e "$SECRET" -f "$EMU_DIR/tokens" "$@"
	grep -F -e "$(printf %s "$SECRET" | sed 's/~/%7E/')" "$@"
}
leaks "$TMP/stdout" "$TMP/trace" "$TMP/state" "$TMP/out" >"$TMP/leaks"
check "no secret and no token in any output, trace or state" test ! -s "$TMP/leaks"

# A token in a header file stays out of the trace of url.
printf '# for the emulator\nAuthorization: Bearer %s\n' \
    "$(tail -1 "$EMU_DIR/tokens")" >"$TMP/hdr"
irm-fetch url -v --header-file "$TMP/hdr" "$EMU/pages/1" >"$TMP/stdout" 2>"$TMP/trace"
check "url with a header file: exit 0" test $? = 0
leaks "$TMP/stdout" "$TMP/trace" >"$TMP/leaks"
check "url: the header file's token is not traced" test ! -s "$TMP/leaks"

# A wrong secret is not echoed, even with --verbose.
printf 'Wrong~Secret.value\n' >"$TMP/bad"
SOURCE_DATE_EPOCH=$NOW irm-fetch o365 -v --tenant "$TENANT" --client-id "$CLIENT" \
    --client-secret-file "$TMP/bad" --base-url "$EMU" --login-url "$EMU" \
    >"$TMP/stdout" 2>"$TMP/trace"
check "a wrong secret is not echoed" \
    sh -c "test $? = 3 && ! grep -q -e 'Wrong~Secret' -e 'Wrong%7ESecret' '$TMP/trace' '$TMP/stdout'"
done_testing
