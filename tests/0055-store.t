#!/bin/sh
# The store (irm-store(5)): irm-report -S appends what changed and replays
# change nothing; dismissal ends an episode; parallel writers never
# interleave or lose entries; verify finds edited, removed, reordered and
# cut entries; a torn last line is repaired by the next writer; refusals.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 32

store_at

insight i1 alice@contoso.com leaks 2026-03-02 30 >"$TMP/a"
insight i2 alice@contoso.com leaks 2026-03-03 70 >>"$TMP/a"
insight i3 bob@contoso.com leaks 2026-03-03 50 >>"$TMP/a"
fields() { jq -r '[.user.name,.irm.alert.score,.irm.alert.status,.irm.alert.episode,.irm.alert.change]|join(" ")'; }

irm-report -S "$S" "$TMP/a" >"$TMP/out1" 2>"$TMP/err"
check_rc "a first run writes its alerts and exits 0" 0 test ! -s "$TMP/err" -a "$(wc -l <"$TMP/out1")" -eq 3
check "the journal holds journal.keyed, then one entry per change, types alert.opened/updated" \
    test "$(jq -r .type "$J" | tr '\n' ' ')" = "journal.keyed alert.opened alert.updated alert.opened "
check "the store directory is 0700, the journal, its key and head 0600" \
    test "$(stat -c %a "$S" "$J" "$S/journal.key" "$S/journal.head" | tr '\n' ' ')" = "700 600 600 600 "
cp "$J" "$TMP/j1"
irm-report -S "$S" "$TMP/a" >"$TMP/out2"
check "a replay through the store writes nothing" test ! -s "$TMP/out2"
check "a replay leaves the journal byte for byte" cmp -s "$J" "$TMP/j1"
irm-report -S "$S" --fail-on high --allow-empty </dev/null >/dev/null
check_rc "--fail-on sees the open high alert kept in the store" 4 \
    irm-report -S "$S" --fail-on high --allow-empty /dev/null

# Dismissal ends the episode: the next new insight opens episode 2.
A=$(jq -r 'select(.user.name=="alice@contoso.com")|.event.id' "$TMP/out1" | tail -1)
irm-case -S "$S" -b alice dismiss --reason "expected" "$A"
check_rc "the dismissed alert no longer fails the gate" 0 \
    irm-report -S "$S" --fail-on high --allow-empty /dev/null
insight i1 alice@contoso.com leaks 2026-03-02 30 >"$TMP/b"
insight i4 alice@contoso.com leaks 2026-03-05 40 >>"$TMP/b"
irm-report -S "$S" "$TMP/b" | fields >"$TMP/got"
echo "alice@contoso.com 40 needs_review 2 new" >"$TMP/want"
check_same "after dismissal a new insight opens episode 2; the old one is a replay" "$TMP/got" "$TMP/want"
B=$(irm-report -S "$S" /dev/null; irm-case -S "$S" list --user alice@contoso.com --status needs_review | jq -r .event.id)
check "episode 2 has a new id" test -n "$B" -a "$B" != "$A"
insight i2 alice@contoso.com leaks 2026-03-03 80 1 >"$TMP/c"
irm-report -S "$S" "$TMP/c" | fields >"$TMP/got"
echo "alice@contoso.com 82 needs_review 2 updated" >"$TMP/want"
check_same "a revision of an insight of the dismissed episode goes to the open one" "$TMP/got" "$TMP/want"

# verify: intact, then corruptions, each on a copy.
check_rc "verify: an intact journal exits 0" 0 irm-case -S "$S" verify
HEAD=$(irm-case -S "$S" verify)
check "verify prints the SHA-256 of the last line" \
    test "$HEAD" = "$(tail -n 1 "$J" | tr -d '\n' | openssl dgst -sha256 -r | cut -c1-64)"
n=$(wc -l <"$J")
corrupt() { rm -rf "$TMP/c1"; cp -R "$S" "$TMP/c1"; }
corrupt
sed -i '2s/"by":"irm-report"/"by":"irm-reporT"/' "$TMP/c1/journal.jsonl"
irm-case -S "$TMP/c1" verify >/dev/null 2>"$TMP/err"
check_rc "verify: an edited byte exits 3" 3 irm-case -S "$TMP/c1" verify
check "verify names the edited entry (its mac) and the line after it" \
    sh -c "grep -q 'journal.jsonl:2: the entry.s mac does not match: edited, or written without the store.s key' '$TMP/err' &&
    grep -q 'journal.jsonl:3: prev does not match the line before (entry 2): that entry was edited' '$TMP/err'"
check_rc "irm-report refuses to append to a broken chain (exit 3)" 3 \
    irm-report -S "$TMP/c1" "$TMP/a"
check_rc "irm-case refuses to act on a broken chain (exit 3)" 3 \
    irm-case -S "$TMP/c1" dismiss --reason x "$B"
corrupt
sed -i '3d' "$TMP/c1/journal.jsonl"
irm-case -S "$TMP/c1" verify >/dev/null 2>"$TMP/err"
check "verify: a deleted line is reported as removed entries" \
    grep -q 'journal.jsonl:3: entries 3 to 3 are missing: removed' "$TMP/err"
corrupt
{ sed -n 1p "$J"; sed -n 3p "$J"; sed -n 2p "$J"; sed -n '4,$p' "$J"; } >"$TMP/c1/journal.jsonl"
irm-case -S "$TMP/c1" verify >/dev/null 2>"$TMP/err"
check "verify: swapped lines are reported as reordered" \
    grep -q 'journal.jsonl:3: entry 2 comes after entry 3: reordered' "$TMP/err"
corrupt
head -n $((n - 1)) "$J" >"$TMP/c1/journal.jsonl"
irm-case -S "$TMP/c1" verify >/dev/null 2>"$TMP/err"
check_rc "verify: a journal cut at a line boundary is found without a kept head (journal.head)" 3 irm-case -S "$TMP/c1" verify
check "and it says entries were cut from the end" \
    grep -q "journal.head names entry $n but the journal ends at entry $((n - 1)): entries were cut from the end" "$TMP/err"
irm-case -S "$TMP/c1" verify --head "$HEAD" >/dev/null 2>"$TMP/err"
check_rc "verify --head: the kept head proves the cut (exit 3)" 3 \
    irm-case -S "$TMP/c1" verify --head "$HEAD"
check "verify --head says entries were cut from the end" grep -q 'cut from the end' "$TMP/err"
check_rc "verify --head of an earlier head passes on the grown journal" 0 \
    irm-case -S "$S" verify --head "$(sed -n 2p "$J" | tr -d '\n' | openssl dgst -sha256 -r | cut -c1-64)"

# A torn last line (an append that died after journal.head was last
# written): reported, then cut by the next writer and recorded.
corrupt
printf '{"v":1,"seq":%d,"@timestamp":"2026-04-0' $((n + 1)) >>"$TMP/c1/journal.jsonl"
check_rc "verify: a torn last line exits 3" 3 irm-case -S "$TMP/c1" verify
irm-case -S "$TMP/c1" list >/dev/null 2>"$TMP/err"
check "readers warn about the torn line and read the rest" grep -q 'torn last line' "$TMP/err"
irm-case -S "$TMP/c1" -b bob dismiss --reason x "$B" 2>"$TMP/err"
check "the next writer cuts it and records journal.repaired" \
    test "$(tail -n 2 "$TMP/c1/journal.jsonl" | jq -r '.type' | tr '\n' ' ')" = "journal.repaired alert.status "
check_rc "after the repair the journal verifies" 0 irm-case -S "$TMP/c1" verify

# Refusals: not a directory.
: >"$TMP/file"
irm-report -S "$TMP/file" "$TMP/a" 2>"$TMP/err"
check_rc "a store that is not a directory: exit 3" 3 irm-report -S "$TMP/file" "$TMP/a"
check "and it says why" grep -q 'not a directory' "$TMP/err"
if [ "$(id -u)" = 0 ]; then
	ok "a store that is not writable: exit 3 # SKIP root can write anywhere"
else
	mkdir "$TMP/ro" && chmod 500 "$TMP/ro"
	check_rc "a store that is not writable: exit 3" 3 irm-report -S "$TMP/ro" "$TMP/a"
fi

# Parallel writers: 6 irm-report runs appending one insight at a time
# (-u) and 6 irm-case runs adding notes, all at once.
P=$TMP/par
for w in 1 2 3 4 5 6; do
	for k in 1 2 3 4 5 6 7 8 9 10; do
		insight "w$w-$k" "user$w@contoso.com" leaks "2026-03-$((k + 10))" $((k * 5))
	done >"$TMP/w$w"
done
insight seed carol@contoso.com leaks 2026-03-01 10 | irm-report -S "$P" >/dev/null
C=$(irm-case -S "$P" list | jq -r .event.id)
irm-case -S "$P" confirm "$C" >/dev/null
for w in 1 2 3 4 5 6; do
	irm-report -u -S "$P" "$TMP/w$w" >/dev/null &
	(for k in 1 2 3 4 5 6 7 8 9 10; do irm-case -S "$P" note case-1 "w$w note $k"; done) &
done
wait
check_rc "parallel appends leave an intact chain" 0 irm-case -S "$P" verify
jq -r .type "$P/journal.jsonl" | sort | uniq -c | tr -s ' ' >"$TMP/got"
printf ' 7 alert.opened\n 54 alert.updated\n 60 case.note\n 1 case.opened\n 1 journal.keyed\n' >"$TMP/want"
check_same "no entry is lost: 61 insights (7 alerts) and 60 notes" "$TMP/got" "$TMP/want"
