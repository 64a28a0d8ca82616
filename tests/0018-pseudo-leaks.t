#!/bin/sh
# irm-norm --pseudonymize with --internal-domain leaves no real name in
# the shapes a red team found (issue 13): OneDrive paths without a
# leading slash, UNC home shares, addresses at subdomains of the internal
# domain, and addresses (plain or URL-encoded) in a URL's query string.
# Each becomes the pseudonym the same identity gets elsewhere; addresses
# at other domains and free text (file names) stay as they are.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 9
IN=$TESTS/data/norm/pseudo-leaks.jsonl
printf 'k3y-for-tests-0123456789\n' >"$TMP/key"
chmod 600 "$TMP/key"
irm-norm -p "$TMP/key" -i contoso.com "$IN" >"$TMP/out" 2>"$TMP/err"
check "exit 0, no message" test $? = 0 -a ! -s "$TMP/err"
check "four events" test "$(wc -l <"$TMP/out")" = 4
leak() {
	check "no real name: $1" sh -c "! grep -qiE '$2' '$TMP/out'"
}
leak "OneDrive path without a leading slash" 'alice_smith'
leak "UNC home share and profile path" 'alice\.smith'
leak "addresses at subdomains of the internal domain" 'bob\.jones|carol\.white'
leak "an address in a URL's query string" 'dan\.brown|%40contoso'
anon=$(sed -n 3p "$TMP/out" | jq -r '.email.from.address[0]')
check "the URL's encoded address gets the user's own pseudonym ($anon)" \
    grep -q "user=$anon&" "$TMP/out"
check "an address at another domain stays" grep -q 'ext@example.com' "$TMP/out"
check "free text stays (file names)" grep -q '"name":"plan.docx"' "$TMP/out"
done_testing
