#!/bin/sh
# The store's journal against the attacks of issue 13 (irm-store(5),
# SECURITY.md), none of which irm-case verify found before: each entry now
# carries a MAC under the store's key (journal.key) and journal.head names
# the last entry committed, so without a kept head verify finds an edit of
# the last entry, entries appended with a correct seq and prev by someone
# without the key, a cut and an emptied journal; and it replays the state
# machine, naming each transition irm-case would have refused (written by
# someone with the key) with FILE:LINE.  Every entry records the Unix user
# as its actor, beside -b's display name.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
command -v openssl >/dev/null || skip_all "openssl missing"
plan 23

store_at
{
	insight i1 alice@contoso.com leaks 2026-03-02 70
	insight i2 bob@contoso.com leaks 2026-03-02 50
	insight i3 carol@contoso.com leaks 2026-03-02 40
} | irm-report -S "$S" >/dev/null
al() { irm-case -S "$S" list --user "$1" | jq -r .event.id; }
A=$(al alice@contoso.com) B=$(al bob@contoso.com) C=$(al carol@contoso.com)
irm-case -S "$S" -b "Alice Analyst" confirm "$A" >/dev/null
irm-case -S "$S" -b "Alice Analyst" resolve --action "access revoked" case-1 violation
check_rc "the store verifies" 0 irm-case -S "$S" verify

me=$(id -un)
check "every entry records the Unix user as actor, -b as the display name" \
    test "$(tail -n 1 "$J" | jq -r '[.actor,.by]|join("/")')" = "$me/Alice Analyst"
check "irm-report's entries too (actor the user, by irm-report)" \
    test "$(sed -n 2p "$J" | jq -r '[.actor,.by]|join("/")')" = "$me/irm-report"
check "the key is 64 hex digits, mode 0600" \
    sh -c "grep -qx '[0-9a-f]\{64\}' '$S/journal.key' && test \$(stat -c %a '$S/journal.key') = 600"

copy() { rm -rf "$TMP/c"; cp -R "$S" "$TMP/c"; }
sha() { printf '%s' "$1" | openssl dgst -sha256 -r | cut -c1-64; }
# forge TYPE DATA [KEYHEX]: append an entry with the right seq and prev,
# with a MAC under KEYHEX when given (an insider who has the key).
forge() {
	_last=$(tail -n 1 "$TMP/c/journal.jsonl")
	_seq=$(($(printf '%s' "$_last" | jq .seq) + 1))
	_line=$(printf '{"v":1,"seq":%d,"@timestamp":"2026-04-01T00:00:00.000Z","type":"%s","actor":"mallory","by":"mallory","data":%s,"prev":"%s"' \
	    "$_seq" "$1" "$2" "$(sha "$_last")")
	if [ -n "${3:-}" ]; then
		_mac=$(printf '%s' "$_line" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$3" -r | cut -c1-64)
		printf '%s,"mac":"%s"}\n' "$_line" "$_mac"
	else
		printf '%s}\n' "$_line"
	fi >>"$TMP/c/journal.jsonl"
}
KEY=$(cat "$S/journal.key")
n=$(wc -l <"$J")

# 1. The last entry edited: violation -> benign.
copy
sed -i '$s/"resolution":"violation"/"resolution":"benign"/' "$TMP/c/journal.jsonl"
check "the edit took" grep -q '"resolution":"benign"' "$TMP/c/journal.jsonl"
irm-case -S "$TMP/c" verify >/dev/null 2>"$TMP/err"
check "verify: the last entry edited is found, without a kept head (exit 3)" test $? = 3
check "... by its mac, with FILE:LINE" \
    grep -q "journal.jsonl:$n: the entry's mac does not match: edited, or written without the store's key" "$TMP/err"
check_rc "irm-case refuses to act on it (exit 3)" 3 irm-case -S "$TMP/c" note case-1 x

# 2. Entries appended with a correct seq and prev, without the key.
copy
OLD=$(irm-case -S "$TMP/c" verify)
forge alert.status '{"alert":"'"$B"'","status":"dismissed","reason":"nothing"}'
irm-case -S "$TMP/c" verify >/dev/null 2>"$TMP/err"
check "verify: an append without the key is found (exit 3)" test $? = 3
check "... as an entry without a mac, with FILE:LINE" \
    grep -q "journal.jsonl:$((n + 1)): an entry without a mac after journal.keyed" "$TMP/err"
check_rc "verify --head OLD finds it too (exit 3)" 3 irm-case -S "$TMP/c" verify --head "$OLD"
copy
forge alert.status '{"alert":"'"$B"'","status":"dismissed","reason":"nothing"}' \
    0000000000000000000000000000000000000000000000000000000000000000
irm-case -S "$TMP/c" verify >/dev/null 2>"$TMP/err"
check "... and with a mac under another key" \
    grep -q "journal.jsonl:$((n + 1)): the entry's mac does not match" "$TMP/err"

# 3. Impossible transitions, written by someone with the key: verify
#    replays the state machine and names each, then goes on.
copy
forge alert.status '{"alert":"'"$A"'","status":"dismissed","reason":"x"}' "$KEY"
forge case.opened '{"case":"case-2","user":"bob@contoso.com","alert":"'"$C"'"}' "$KEY"
forge case.note '{"case":"case-1","text":"after closing"}' "$KEY"
irm-case -S "$TMP/c" verify >/dev/null 2>"$TMP/err"
check "verify: forged transitions with good macs exit 3" test $? = 3
check "dismissing an alert that is in a case: FILE:LINE" \
    grep -q "journal.jsonl:$((n + 1)): alert.status: $A is resolved in case-1: only an alert that needs review can be dismissed" "$TMP/err"
check "a case opened for another user's alert: FILE:LINE" \
    grep -q "journal.jsonl:$((n + 2)): case.opened: the case's user is not the alert's user" "$TMP/err"
check "a note on a closed case: FILE:LINE" \
    grep -q "journal.jsonl:$((n + 3)): case.note: the case is closed" "$TMP/err"
check_rc "the fold refuses the forged entry: irm-case list exits 3" 3 irm-case -S "$TMP/c" list

# 4. An emptied journal; a cut without a kept head.
copy
: >"$TMP/c/journal.jsonl"
irm-case -S "$TMP/c" verify >/dev/null 2>"$TMP/err"
check "verify: an emptied journal exits 3 (no journal.keyed, journal.head names a cut)" \
    sh -c "test $? = 3 && grep -q 'no journal.keyed entry' '$TMP/err' && grep -q 'entries were cut from the end' '$TMP/err'"
check_rc "and no writer appends to it (exit 3)" 3 irm-report -S "$TMP/c" /dev/null

# 5. The key: too open, missing.
copy
chmod 644 "$TMP/c/journal.key"
irm-case -S "$TMP/c" note case-1 x 2>"$TMP/err"
check "a key others may read: writers refuse it (exit 3, mode named)" \
    sh -c "test $? = 3 && grep -q 'journal.key: mode 0644 is too open' '$TMP/err'"
copy
rm "$TMP/c/journal.key"
irm-case -S "$TMP/c" verify >/dev/null 2>"$TMP/err"
check "verify without the key: exit 3, nothing can be authenticated" \
    sh -c "test $? = 3 && grep -q 'no key: the entries cannot be authenticated' '$TMP/err'"

# 6. A store from before keys: verify says so; the next writer migrates
#    it (journal.keyed), after which it verifies, with a note.
L=$TMP/legacy
mkdir -m 700 "$L"
l1='{"v":1,"seq":1,"@timestamp":"2026-03-01T00:00:00.000Z","type":"journal.repaired","by":"irm-report","data":{},"prev":"0000000000000000000000000000000000000000000000000000000000000000"}'
l2='{"v":1,"seq":2,"@timestamp":"2026-03-01T00:00:00.000Z","type":"journal.repaired","by":"irm-report","data":{},"prev":"'$(sha "$l1")'"}'
printf '%s\n%s\n' "$l1" "$l2" >"$L/journal.jsonl"
chmod 600 "$L/journal.jsonl"
check_rc "a store from before keys fails verify (exit 3)" 3 irm-case -S "$L" verify
insight i9 dave@contoso.com leaks 2026-03-03 60 | irm-report -S "$L" >/dev/null
irm-case -S "$L" verify >/dev/null 2>"$TMP/err"
check "after a writer: journal.keyed third, verify exits 0 and notes the 2 old entries" \
    sh -c "test $? = 0 && test \"\$(jq -r .type '$L/journal.jsonl' | tr '\n' ' ')\" = 'journal.repaired journal.repaired journal.keyed alert.opened ' && grep -q 'entries 1 to 2 were written before the store had a key' '$TMP/err'"
done_testing
