#!/bin/sh
# irm-fetch graph (directoryAudits, signIns, alerts_v2 with a time $filter
# and @odata.nextLink paging) and irm-fetch url (file:// and http, Link
# rel="next" or a JSON next-link member) write each record once, its bytes
# unchanged but for white space between tokens.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"

plan 14

gfetch() {
	emu_now "$NOW"
	SOURCE_DATE_EPOCH=$NOW IRM_FETCH_DELAY_SCALE=0.01 irm-fetch graph \
	    --tenant "$TENANT" --client-id "$CLIENT" \
	    --client-secret-file "$TMP/secret" --base-url "$EMU" \
	    --login-url "$EMU" "$@"
}

T0=$((NOW - 30 * 3600))
perl "$EMU_PL" gen-graph "$EMU_DIR" 6 $T0 24 5 4
emu_gen 6 $T0 1
emu_start
sort "$EMU_DIR/graph-records.jsonl" >"$TMP/want"

check_rc "graph: three resources" 0 \
    gfetch --resource directoryAudits,signIns,alerts_v2 --since 31h -o "$TMP/all"
sort "$TMP/all" >"$TMP/got"
check_same "graph: every record once" "$TMP/got" "$TMP/want"
check "graph: the v2 token endpoint with a scope" \
    grep -q "POST /$TENANT/oauth2/v2.0/token 200" "$EMU_DIR/requests.log"
check "graph: @odata.nextLink was followed" \
    grep -q 'directoryAudits?$filter=.*&$skiptoken=3 200' "$EMU_DIR/requests.log"
check "graph: the time filter" grep -q \
    'signIns?$filter=createdDateTime%20ge%202026-03-08T17%3A00%3A00.000Z%20and%20createdDateTime%20lt%202026-03-10T00%3A00%3A00.000Z 200' \
    "$EMU_DIR/requests.log"
check_rc "graph: an unknown resource is a usage error" 2 gfetch --resource audits

# Cron-style graph runs, six hours apart, with late records.
for k in 1 2 3 4 5 6; do
	NOW=$((T0 + 6 * 3600 * k))
	gfetch -q --resource directoryAudits,signIns,alerts_v2 \
	    -s "$TMP/gstate" -o "$TMP/gout" || echo "run $k failed" >>"$TMP/gerr"
done
check "graph: six runs exit 0" test ! -s "$TMP/gerr"
sort "$TMP/gout" >"$TMP/got"
check_same "graph: six runs with late records write every record once" \
    "$TMP/got" "$TMP/want"

# url, file://: an array with odd spacing, numbers and escapes kept.
printf '[ {"a" : 1.50, "b":"caf\\u00e9 \\" x",\n  "c" : [ 1e3 , true, null ] } ,\n{"d":{}}]\n' \
    >"$TMP/arr.json"
printf '%s\n' '{"a":1.50,"b":"caf\u00e9 \" x","c":[1e3,true,null]}' '{"d":{}}' >"$TMP/want_arr"
irm-fetch url "file://$TMP/arr.json" >"$TMP/got_arr"
check_same "url file://: records unchanged but for white space" "$TMP/got_arr" "$TMP/want_arr"

# url, file://, {"value":[...]} pages with a relative next link.
printf '{"value":[{"i":1}],"next":"p2.json"}' >"$TMP/p1.json"
printf '{"value":[{"i":2},{"i":3}]}' >"$TMP/p2.json"
irm-fetch url --next json:next "file://$TMP/p1.json" >"$TMP/got_p"
printf '{"i":1}\n{"i":2}\n{"i":3}\n' >"$TMP/want_p"
check_same "url: json:FIELD paging over file:// pages" "$TMP/got_p" "$TMP/want_p"

# url over http with Link rel="next" and a header file.
printf 'Authorization: Bearer %s\n' "$(tail -1 "$EMU_DIR/tokens")" >"$TMP/hdr"
irm-fetch url --header-file "$TMP/hdr" "$EMU/pages/1" >"$TMP/got_l"
printf '{"page":%d,"n":1.50}\n{"page":%d,"n":2e3}\n' 1 1 2 2 3 3 >"$TMP/want_l"
check_same "url: Link rel=next paging" "$TMP/got_l" "$TMP/want_l"
check_rc "url: a 401 without the header exits 3" 3 irm-fetch url --max-retries 0 "$EMU/pages/1"
printf '{"not":"a list"}' >"$TMP/obj.json"
check_rc "url: an object without value exits 3" 3 irm-fetch url "file://$TMP/obj.json"
check_rc "url: plain http to another host is refused" 2 irm-fetch url http://192.0.2.1/x
done_testing
