#!/bin/sh
# irm-fetch never shows a secret: a full --verbose run against the
# emulator, with an expired token and retries, leaves neither the client
# secret nor any token the emulator issued in its output, its trace, its
# state or its -o file; a token given in a url --header-file is not traced
# either, and a wrong secret is not echoed.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"

plan 16

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
(umask 077 && printf 'Wrong~Secret.value\n' >"$TMP/bad")
SOURCE_DATE_EPOCH=$NOW irm-fetch o365 -v --tenant "$TENANT" --client-id "$CLIENT" \
    --client-secret-file "$TMP/bad" --base-url "$EMU" --login-url "$EMU" \
    >"$TMP/stdout" 2>"$TMP/trace"
check "a wrong secret is not echoed" \
    sh -c "test $? = 3 && ! grep -q -e 'Wrong~Secret' -e 'Wrong%7ESecret' '$TMP/trace' '$TMP/stdout'"

# A service that echoes the request: the token endpoint sends the form
# body (with the secret) back in its error, an API call its Authorization
# header (the token), in an error and in a 200 that is not JSON.
for f in "echo token" "echo blob" "echo200 blob" "echo content"; do
	emu_fault $f
done
for k in 1 2 3 4; do
	fetch --max-retries 0 --since 26h >"$TMP/stdout$k" 2>"$TMP/echo$k"
	echo "exit $?" >>"$TMP/echo$k"
done
check "the echoing service's errors are reported" \
    sh -c "grep -q 'you sent: ' '$TMP'/echo* && grep -q '^exit 3' '$TMP/echo1'"
leaks "$TMP"/echo* "$TMP"/stdout? >"$TMP/leaks"
check "no secret and no token in a message, even echoed" test ! -s "$TMP/leaks"
sed 's/^/# /' "$TMP/leaks" | head -5

# A secret file others can read is refused, as ssh refuses a private key.
chmod 644 "$TMP/secret"
fetch --since 26h >"$TMP/stdout" 2>"$TMP/err"
check "a secret file of mode 0644: exit 2" test $? = 2
check "a secret file of mode 0644: says why" \
    grep -q "secret: mode 0644 is too open: a secret file must not be readable or writable by group or others (chmod 600)" "$TMP/err"
chmod 640 "$TMP/secret"
check_rc "a secret file of mode 0640: exit 2" 2 fetch --since 26h
chmod 600 "$TMP/secret"

# No core file: RLIMIT_CORE is 0 and the process is not dumpable (a
# SIGABRT dumps nothing, whatever ulimit -c says).
# irm-fetch waits in open(2) for a reader of the FIFO given to -o.
mkfifo "$TMP/fifo"
(cd "$TMP" && ulimit -c unlimited 2>/dev/null
    fetch_bg --since 26h -o "$TMP/fifo" >/dev/null 2>&1
    p=$!
    sleep 2
    cat "/proc/$p/limits" >"$TMP/limits"
    kill -ABRT "$p"
    sleep 1
    kill -KILL "$p" 2>/dev/null
    wait "$p"
    echo "$?" >"$TMP/qrc")
check "irm-fetch runs with a core size limit of 0" \
    awk '/^Max core file size/ { ok = $5 == 0 && $6 == 0 } END { exit !ok }' "$TMP/limits"
check "a SIGABRT leaves no core file" \
    sh -c "test \"\$(cat '$TMP/qrc')\" = 134 && ! ls '$TMP' | grep -q '^core'"
done_testing
