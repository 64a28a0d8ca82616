#!/bin/sh
# No tool writes through a symbolic link planted where it creates a file
# (SECURITY.md): irm-score --state's temporary and lock files, irm-fetch
# --state's, and -o and -r when the link belongs to another user (a root
# cron job writing in a directory others can write); the file the link
# points to stays untouched.  A state or store directory others can write
# is warned about.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"

plan 17

EX=$TOP/examples
irm-norm "$EX"/tenant/* >"$TMP/events"
score() { irm-score -s "$EX/settings.json" -p "$EX/policies" "$@"; }
mkdir -m 700 "$TMP/d"
S=$TMP/d/s.state
printf 'precious\n' >"$TMP/victim"
cp "$TMP/victim" "$TMP/want"

# The temporary file's old predictable name.
ln -s "$TMP/victim" "$S.tmp"
score --state "$S" -o "$TMP/d/ins" "$TMP/events" 2>"$TMP/err"
check "irm-score --state with a link at STATE.tmp: exit 0" test $? = 0
check_same "irm-score: the link's target is untouched" "$TMP/victim" "$TMP/want"
check "irm-score: the state is a file of its own" \
    sh -c "test -f '$S' && test ! -L '$S' && grep -q irm_score_state '$S'"
check "irm-score: no temporary file is left" test ! -e "$S.tmp"

# The lock file: refused, not followed.
rm -f "$S" "$S.lock"
ln -s "$TMP/victim" "$S.lock"
check_rc "irm-score: a link at STATE.lock: exit 3" 3 score --state "$S" "$TMP/events"
check_same "irm-score: the lock link's target is untouched" "$TMP/victim" "$TMP/want"
rm -f "$S.lock"

# -o and -r: a link another user planted is refused; the tool's own
# /dev/stdout and /dev/fd/N still work.
if [ "$(id -u)" = 0 ] && chown -h nobody "$TMP/victim" 2>/dev/null; then
	chown -h 0 "$TMP/victim"
	for w in o r; do
		ln -s "$TMP/victim" "$TMP/d/l$w"
		chown -h nobody "$TMP/d/l$w"
	done
	printf 'not json\n' >"$TMP/bad"
	check_rc "irm-norm -o through another user's link: exit 2" 2 \
	    irm-norm -o "$TMP/d/lo" "$TMP/bad"
	check_rc "irm-norm -r through another user's link: exit 2" 2 \
	    irm-norm -r "$TMP/d/lr" "$TMP/bad"
	check_same "-o and -r: the target is untouched" "$TMP/victim" "$TMP/want"
else
	for i in 1 2 3; do ok "# SKIP needs root to plant another user's link"; done
fi
irm-norm -o /dev/stdout "$EX"/tenant/* >"$TMP/o1"
check_same "-o /dev/stdout still works" "$TMP/o1" "$TMP/events"
irm-norm -o /dev/fd/3 "$EX"/tenant/* 3>"$TMP/o2"
check_same "-o /dev/fd/3 still works" "$TMP/o2" "$TMP/events"

# Directories others can write: a warning.
chmod 777 "$TMP/d"
score --state "$S" "$TMP/events" >/dev/null 2>"$TMP/err"
check "irm-score warns of a state directory others can write" \
    grep -q "state directory .* is writable by group or others" "$TMP/err"
chmod 700 "$TMP/d"
mkdir -m 770 "$TMP/store"
irm-report -S "$TMP/store" "$TMP/d/ins" >/dev/null 2>"$TMP/err"
check "irm-report -S warns of a store directory others can write" \
    grep -q "store directory .* is writable by group or others" "$TMP/err"

# irm-fetch --state: the same two names.
emu_gen 5 $((NOW - 25 * 3600)) 24
emu_start
F=$TMP/d/f.state
ln -s "$TMP/victim" "$F.tmp"
fetch -q --since 26h -s "$F" -o "$TMP/fout" 2>"$TMP/err"
check "irm-fetch --state with a link at STATE.tmp: exit 0" test $? = 0
check_same "irm-fetch: the link's target is untouched" "$TMP/victim" "$TMP/want"
rm -f "$F.lock"
ln -s "$TMP/victim" "$F.lock"
check_rc "irm-fetch: a link at STATE.lock: exit 3" 3 \
    fetch -q -s "$F" -o "$TMP/fout"
check_same "irm-fetch: the lock link's target is untouched" "$TMP/victim" "$TMP/want"
done_testing
