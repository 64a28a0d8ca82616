#!/bin/sh
# A pseudonymization key that group or others may read or write is
# refused by every tool that reads it (irm-norm -p, irm-score
# --pseudonymize, irm-case reveal --key), as irm-fetch refuses such a
# secret file: exit 2, "mode 0644 is too open", the key never printed.
# irm-case show prints beside each display name (by) the Unix user who
# acted (actor), in the case's last update, its notes and an alert's
# history.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 11

EX=$TOP/examples
SOURCE_DATE_EPOCH=1772323200
export SOURCE_DATE_EPOCH
K=$TMP/key
printf 'k3y-for-tests-0123456789abcdef\n' >"$K"
ev='{"CreationTime":"2026-03-02T10:00:00","Id":"a1","Operation":"FileAccessed","UserId":"adele.vance@contoso.com"}'

# 1. The key's mode.
chmod 644 "$K"
printf '%s\n' "$ev" >"$TMP/in.json"
check_rc "irm-norm -p: a key others can read: exit 2" 2 \
    irm-norm -p "$K" -o "$TMP/out" "$TMP/in.json"
irm-norm -p "$K" "$TMP/in.json" >/dev/null 2>"$TMP/err"
check "... says the mode is too open, without the key" sh -c \
    "grep -q 'mode 0644 is too open' '$TMP/err' && ! grep -q k3y '$TMP/err'"
check "... and writes no output" test ! -s "$TMP/out"
chmod 640 "$K"
check_rc "irm-norm -p: a key the group can read: exit 2" 2 \
    irm-norm -p "$K" "$TMP/in.json"
chmod 620 "$K"
check_rc "irm-norm -p: a key the group can write: exit 2" 2 \
    irm-norm -p "$K" "$TMP/in.json"
check_rc "irm-score --pseudonymize: exit 2" 2 \
    irm-score --pseudonymize "$K" -p "$EX/policies" /dev/null
chmod 600 "$K"
check "mode 0600: the key is used" sh -c \
    "irm-norm -p '$K' '$TMP/in.json' | jq -e '.user.name | startswith(\"anon-\")' >/dev/null"

# 2. A store of the pseudonymized example; a case acted on by ann.
S=$TMP/store
irm-norm -p "$K" "$EX"/tenant/* | sort |
    irm-score --pseudonymize "$K" -s "$EX/settings.json" -p "$EX/policies" |
    irm-report -S "$S" >/dev/null
a=$(irm-case -S "$S" list | head -n 1 | jq -r .event.id)
b=$(irm-case -S "$S" list | sed -n 2p | jq -r .event.id)
irm-case -S "$S" -b ann confirm --new-case "one" "$a" >/dev/null
irm-case -S "$S" -b bob dismiss --reason "expected" "$b"
chmod 604 "$K"
check_rc "irm-case reveal --key: a key others can read: exit 2" 2 \
    irm-case -S "$S" -b eve reveal --key "$K" --directory "$EX/directory.csv" "$b"
chmod 600 "$K"

# 3. show: the display name, then the actor in parentheses.
me=$(id -un 2>/dev/null || echo "uid:$(id -u)")
irm-case -S "$S" show case-1 >"$TMP/show"
check "show case: the last update by ann and the actor" \
    grep -q "^updated   .* by ann ($me)\$" "$TMP/show"
check "show case: the note by ann and the actor" \
    grep -q "^  [0-9T:.Z-]*  ann ($me)  confirm " "$TMP/show"
irm-case -S "$S" show "$b" >"$TMP/show"
check "show alert: the history by bob and the actor" \
    grep -q "^  [0-9T:.Z-]*  bob ($me)  dismiss" "$TMP/show"
