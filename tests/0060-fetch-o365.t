#!/bin/sh
# irm-fetch o365 against the emulator (tests/emulator): a full fetch writes
# exactly the emulator's records, each once and unchanged; every API call
# carries PublisherIdentifier; missing subscriptions are started; bad
# credentials exit 3 with the service's code and message; usage errors
# exit 2 before any request.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"

plan 24

# 48 hours of content ending an hour before now; everything is visible.
emu_gen 1 $((NOW - 49 * 3600)) 48
emu_start
sort "$EMU_DIR/records.jsonl" >"$TMP/want"

check_rc "full fetch exits 0" 0 fetch --since 3d -o "$TMP/out"
sort "$TMP/out" >"$TMP/got"
check_same "full fetch writes every record exactly once" "$TMP/got" "$TMP/want"
check "the emulator has records to compare" test "$(wc -l <"$TMP/want")" -gt 300
check "all five subscriptions were started" \
    test "$(wc -l <"$EMU_DIR/subscriptions")" = 5
check "the records are one a line, as the emulator encoded them" \
    grep -q '"Note":"caf.* \\"q\\" \\\\ \\t tab","ObjectId"' "$TMP/out"
check "the output file is mode 0600" test "$(stat -c %a "$TMP/out")" = 600

# Every API call names the publisher; listings stay within 24 hours.
grep '/api/' "$EMU_DIR/requests.log" >"$TMP/api"
check "every API call carries PublisherIdentifier" \
    sh -c "! grep -v 'PublisherIdentifier=$TENANT' '$TMP/api'"
check "no request was refused" sh -c "! grep -v ' 200\$' '$EMU_DIR/requests.log'"
check "content was listed in pages (NextPageUri followed)" \
    grep -q '/api/v1/.*nextPage=3&PublisherIdentifier' "$TMP/api"
check "72 hours are listed in three windows per type" \
    test "$(grep -c 'v1.0/[^ ]*/subscriptions/content?contentType=Audit.Exchange&startTime' "$TMP/api")" = 3

# -o appends; a second run without state writes everything again.
check_rc "a run appending to -o" 0 fetch --since 3d -o "$TMP/out"
check "-o appends" test "$(wc -l <"$TMP/out")" = $(($(wc -l <"$TMP/want") * 2))

# One content type, the v2 token endpoint, stdout.
fetch --since 3d --token-endpoint v2 --content-type DLP.All >"$TMP/dlp" 2>&1
check "one content type by the v2 token endpoint: exit 0" test $? = 0
grep -c '"Operation":"DlpRuleMatch"' "$TMP/want" >"$TMP/n1"
wc -l <"$TMP/dlp" | tr -d ' ' >"$TMP/n2"
check_same "only DLP.All records" "$TMP/n2" "$TMP/n1"
check "the v2 endpoint was used" grep -q "POST /$TENANT/oauth2/v2.0/token 200" \
    "$EMU_DIR/requests.log"

# Bad credentials: exit 3, the service's code and message, no secret.
(umask 077 && printf 'wrong-secret\n' >"$TMP/bad")
SOURCE_DATE_EPOCH=$NOW irm-fetch o365 --tenant "$TENANT" --client-id "$CLIENT" \
    --client-secret-file "$TMP/bad" --base-url "$EMU" --login-url "$EMU" \
    >"$TMP/o" 2>"$TMP/e"
check "bad secret: exit 3" test $? = 3
printf 'irm-fetch: token: %s/%s/oauth2/token: HTTP 401: invalid_client: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.\n' \
    "$EMU" "$TENANT" >"$TMP/want_e"
check_same "bad secret: the service's error code and message" "$TMP/e" "$TMP/want_e"
check "bad secret: nothing written, secret not shown" \
    sh -c "! test -s '$TMP/o' && ! grep -q wrong-secret '$TMP/e'"
IRM_CLIENT_SECRET=$SECRET SOURCE_DATE_EPOCH=$NOW irm-fetch o365 --tenant "$TENANT" \
    --client-id 99999999-0000-0000-0000-000000000000 --base-url "$EMU" \
    --login-url "$EMU" >"$TMP/o" 2>"$TMP/e"
check "unknown client: exit 3 with AADSTS700016" \
    sh -c "test $? = 3 && grep -q 'HTTP 400: unauthorized_client: AADSTS700016' '$TMP/e'"

# Progress on a terminal, and none with -q: the other tools' line
# (records, rate, where), drawn once a run lasts a second: the emulator
# answers each blob after 100 ms.
if command -v script >/dev/null 2>&1; then
	emu_stop
	printf '{"tenant":"%s","client_id":"%s","secret":"%s","page_size":3,"delay_ms":100}\n' \
	    "$TENANT" "$CLIENT" "$SECRET" >"$EMU_DIR/config.json"
	emu_start
	emu_now "$NOW"
	SOURCE_DATE_EPOCH=$NOW IRM_FETCH_DELAY_SCALE=0.01 script -qec \
	    "irm-fetch o365 --tenant $TENANT --client-id $CLIENT --client-secret-file $TMP/secret --base-url $EMU --login-url $EMU --since 3d --content-type DLP.All -o $TMP/tty.out" \
	    "$TMP/typescript" >/dev/null 2>&1
	check "progress on a terminal: records, rate, content done of listed" \
	    grep -q "$(printf '\r')irm-fetch: [0-9]* records, [0-9]*/s, DLP.All: content [0-9]*/[0-9]*$(printf '\033')\\[K" "$TMP/typescript"
	SOURCE_DATE_EPOCH=$NOW script -qec \
	    "irm-fetch o365 -q --tenant $TENANT --client-id $CLIENT --client-secret-file $TMP/secret --base-url $EMU --login-url $EMU --since 3d --content-type DLP.All -o $TMP/tty.out" \
	    "$TMP/typescript" >/dev/null 2>&1
	check "no progress with -q" sh -c "! grep -q 'content [0-9]' '$TMP/typescript'"
else
	ok "progress on a terminal # SKIP script(1) missing"
	ok "no progress with -q # SKIP script(1) missing"
fi

# Usage errors.
check_rc "no secret: exit 2" 2 env -u IRM_CLIENT_SECRET irm-fetch o365 \
    --tenant "$TENANT" --client-id "$CLIENT" --base-url "$EMU"
check_rc "plain http to a non-loopback host: exit 2" 2 fetch \
    --base-url http://example.com
check_rc "--start more than 7 days back: exit 2" 2 fetch \
    --start 2026-03-01T00:00:00Z
done_testing
