#!/bin/sh
# irm-case over a store filled by the example pipeline: list filters,
# show, confirm, dismiss, note, notice, resolve, reveal; actions not
# allowed exit 2 and write nothing; the same actions give the same
# journal; irm-score -S reads a case resolved as a violation.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 38

G=$TESTS/golden/case
EX=$TOP/examples
store_at 1772323200 # 2026-03-01, before the example's events
irm-norm "$EX"/tenant/* | sort >"$TMP/events"
irm-score -s "$EX/settings.json" -p "$EX/policies" "$TMP/events" >"$TMP/ins"
irm-report -S "$S" "$TMP/ins" >/dev/null
ids() { jq -r '.event.id' | tr '\n' ' '; }
alert() { irm-case -S "$S" list --user "$1" --policy "$2" | jq -r .event.id; }
ADT=$(alert adele.vance@contoso.com departing-data-theft)
ADL=$(alert adele.vance@contoso.com data-leaks)
ASD=$(alert adele.vance@contoso.com security-departing)
MEG=$(alert megan.bowen@contoso.com data-leaks)
ISA=$(alert isaiah.langer@contoso.com data-leaks)

# list
irm-case -S "$S" list | jq -r '[.irm.alert.severity,.irm.alert.score,.rule.name]|join(" ")' >"$TMP/got"
cat >"$TMP/want" <<'OUT'
high 100 departing-data-theft
high 100 data-leaks
high 82 security-departing
medium 56 data-leaks
medium 47 data-leaks
OUT
check_same "list: the queue by severity, score and newest" "$TMP/got" "$TMP/want"
check "list: the records are alerts without a change key" \
    test "$(irm-case -S "$S" list | jq -r '.irm.alert | has("change")' | sort -u)" = false
check "list --severity medium" test "$(irm-case -S "$S" list --severity medium | ids)" = "$MEG $ISA "
check "list --policy --user" test "$(irm-case -S "$S" list --policy data-leaks --user adele.vance@contoso.com | ids)" = "$ADL "
check "list --since: last seen on or after" test "$(irm-case -S "$S" list --since 2026-03-30 | ids)" = "$ADT $ASD "
check "list --until: first seen on or before" test "$(irm-case -S "$S" list --until 2026-03-06 | ids)" = "$ISA "
check_rc "list --status with a bad status: exit 2" 2 irm-case -S "$S" list --status open
check "list -f csv: a header and a row per alert, in queue order" test \
    "$(irm-case -S "$S" list -f csv --severity medium | cut -d, -f1,3 | tr '\r\n' '  ')" = "id,severity $MEG,medium $ISA,medium "
check "list -f table: aligned rows, no colour off a terminal" sh -c \
    "irm-case -S '$S' list -f table | awk 'NR == 1 && /^ID +SEVERITY +SCORE +STATUS/ { h = 1 } /\033/ { e = 1 } END { exit !(h && !e && NR == 6) }'"

# show
irm-case -S "$S" show "$MEG" >"$TMP/got"
[ -n "${BLESS:-}" ] && cp "$TMP/got" "$G/show-alert.out"
check_same "show: an alert's timeline, factors and evidence" "$TMP/got" "$G/show-alert.out"

# confirm, and what is refused
cp "$J" "$TMP/j0"
check "confirm into a new case prints its id" \
    test "$(irm-case -S "$S" -b alice confirm --new-case "Adele: data theft" "$ADT")" = case-1
check "confirm --case adds an alert of the same user" \
    test "$(irm-case -S "$S" -b alice confirm --case case-1 "$ADL")" = case-1
cp "$J" "$TMP/j1"
irm-case -S "$S" confirm --case case-1 "$MEG" 2>"$TMP/err"
check_rc "confirm into a case of another user: exit 2" 2 irm-case -S "$S" confirm --case case-1 "$MEG"
check "and it says one user per case" grep -q 'one user per case' "$TMP/err"
check_rc "confirm an alert already confirmed: exit 2" 2 irm-case -S "$S" confirm "$ADT"
check_rc "dismiss a confirmed alert: exit 2" 2 irm-case -S "$S" dismiss --reason x "$ADT"
check_rc "an unknown alert id: exit 2" 2 irm-case -S "$S" dismiss --reason x alr-00000000000000000000
check_rc "dismiss without --reason: exit 2" 2 irm-case -S "$S" dismiss "$MEG"
check_rc "an unknown command: exit 2" 2 irm-case -S "$S" frobnicate
check_rc "a note that is not UTF-8: exit 2" 2 irm-case -S "$S" note case-1 "$(printf 'caf\351')"
check "nothing refused was written" cmp -s "$J" "$TMP/j1"
check_rc "dismiss an alert that needs review" 0 irm-case -S "$S" -b bob dismiss --reason "expected for sales" "$MEG"
irm-case -S "$S" -b carol note case-1 "HR informed; laptop collected"

# notice
printf 'From: compliance@contoso.com\nSubject: Data handling ({{case}})\nCc: hr@contoso.com\n\nDear {{user}},\nabout {{case_name}} under {{policy}}, from {{sender}}.\n' >"$TMP/tmpl"
irm-case -S "$S" -b carol notice --template "$TMP/tmpl" case-1 >"$TMP/got"
[ -n "${BLESS:-}" ] && cp "$TMP/got" "$G/notice.out"
check_same "notice: an RFC 5322 message from the template" "$TMP/got" "$G/notice.out"
check "the journal keeps the SHA-256 of the body" test \
    "$(tail -n 1 "$J" | jq -r .data.body_sha256)" = \
    "$(sed '1,/^$/d' "$G/notice.out" | openssl dgst -sha256 -r | cut -c1-64)"
cp "$J" "$TMP/j2"
check_rc "notice: a subject with a newline is refused (exit 2)" 2 \
    irm-case -S "$S" notice --template "$TMP/tmpl" --subject "$(printf 'x\nBcc: all@contoso.com')" case-1
printf 'From: a@contoso.com\nSubject: s\n\n{{salary}}\n' >"$TMP/bad"
check_rc "notice: an unknown field is refused (exit 2)" 2 irm-case -S "$S" notice --template "$TMP/bad" case-1
{ printf 'From: a@contoso.com\nSubject: s\n\n'; yes 'a line of the body' | head -n 60000; } >"$TMP/big"
check_rc "notice: a body over 1 MiB is refused, not sent empty (exit 2)" 2 irm-case -S "$S" notice --template "$TMP/big" case-1
{ printf 'From: a@contoso.com\nSubject: '; yes x | head -n 70000 | tr -d '\n'; printf '\n\nbody\n'; } >"$TMP/big"
check_rc "notice: a header over 64 KiB is refused, not sent empty (exit 2)" 2 irm-case -S "$S" notice --template "$TMP/big" case-1
check "nothing refused was written" cmp -s "$J" "$TMP/j2"
check "notice: a subject that is not ASCII is RFC 2047 encoded" \
    sh -c "irm-case -S '$S' -b carol notice --template '$TMP/tmpl' --subject 'Überprüfung' case-1 | grep -qx 'Subject: =?UTF-8?B?w5xiZXJwcsO8ZnVuZw==?='"

# resolve
irm-case -S "$S" -b dave resolve --action "access revoked" case-1 violation
check_rc "note on a closed case: exit 2" 2 irm-case -S "$S" note case-1 "late"
check "resolving closes the case and resolves its alerts" test \
    "$(irm-case -S "$S" list --status resolved | ids)$(irm-case -S "$S" list --cases --status closed | ids)" = "$ADT $ADL case-1 "
# The actor, the Unix user running the tests, shows as ACTOR.
me=$(id -un 2>/dev/null || echo "uid:$(id -u)")
irm-case -S "$S" show case-1 | sed "s/ ($me) / (ACTOR) /; s/ ($me)\$/ (ACTOR)/" >"$TMP/got"
[ -n "${BLESS:-}" ] && cp "$TMP/got" "$G/show-case.out"
check_same "show: a case with its alerts and notes" "$TMP/got" "$G/show-case.out"
check_rc "verify after every action" 0 irm-case -S "$S" verify

# irm-score -S reads the violation for previous_violation.
irm-score -s "$EX/settings.json" -p "$EX/policies" -S "$S" "$TMP/events" |
    jq -r 'select(.user.name=="adele.vance@contoso.com") | .irm.factors[].name' | sort -u >"$TMP/got"
check "irm-score -S applies previous_violation after the resolution" grep -qx previous_violation "$TMP/got"

# The same actions on a fresh store give the same journal.
# (With the first store's key, put in place before the first write, so
# that the entries' MACs are the same too.)
R=$TMP/again
mkdir -m 700 "$R" && cp "$S/journal.key" "$R/"
irm-report -S "$R" "$TMP/ins" >/dev/null
irm-case -S "$R" -b alice confirm --new-case "Adele: data theft" "$ADT" >/dev/null
irm-case -S "$R" -b alice confirm --case case-1 "$ADL" >/dev/null
irm-case -S "$R" -b bob dismiss --reason "expected for sales" "$MEG"
irm-case -S "$R" -b carol note case-1 "HR informed; laptop collected"
irm-case -S "$R" -b carol notice --template "$TMP/tmpl" case-1 >/dev/null
head -n "$(wc -l <"$R/journal.jsonl")" "$J" >"$TMP/prefix"
check "replayed actions give a byte-identical journal" cmp -s "$R/journal.jsonl" "$TMP/prefix"

# reveal: a pseudonymized pipeline.
printf 'k3y-for-tests-0123456789abcdef\n' >"$TMP/key"
chmod 600 "$TMP/key"
P=$TMP/pseudo
irm-norm -p "$TMP/key" "$EX"/tenant/* | sort |
    irm-score -s "$EX/settings.json" -p "$EX/policies" | irm-report -S "$P" >/dev/null
PA=$(irm-case -S "$P" list | head -n 1 | jq -r .event.id)
irm-case -S "$P" -b eve reveal --key "$TMP/key" --directory "$EX/directory.csv" "$PA" >"$TMP/got"
check "reveal prints the pseudonym and the real user" grep -qx 'anon-[0-9a-f]*	adele.vance@contoso.com' "$TMP/got"
check "the journal records the reveal, never the name" sh -c \
    "tail -n 1 '$P/journal.jsonl' | jq -e '.type == \"case.revealed\" and .by == \"eve\" and .data.found' >/dev/null && ! grep -q adele '$P/journal.jsonl'"
