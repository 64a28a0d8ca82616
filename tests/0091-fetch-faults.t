#!/bin/sh
# Fault injection on irm-fetch: write (a short write, then a full disk),
# fsync, rename, ftruncate and malloc fail at the Nth call
# (tests/fault/fault.c, by LD_PRELOAD) while a cron run appends to -o and
# saves its --state, from a state and output left by an earlier run, and
# from one whose output ends in a torn line.  Every run completes or exits
# 3 with a message, and a rerun afterwards leaves the state of an
# undisturbed run and every record in the output: whole lines, nothing
# lost, nothing doubled but the one blob that was written when the
# failure stopped the state from recording it.  The plain build only: the
# sanitizers bring their own allocator.
. "$(dirname "$0")/lib.sh"
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer build" ;; esac
command -v cc >/dev/null || skip_all "no C compiler"
cc -shared -fPIC -O1 -o "$TMP/fault.so" "$TESTS/fault/fault.c" -ldl 2>"$TMP/cc" ||
    skip_all "cannot build the shim: $(head -n 1 "$TMP/cc")"
. "$TESTS/emulator/emu.sh"

T0=$((NOW - 30 * 3600))
emu_gen 11 $T0 28
emu_start
sort "$EMU_DIR/records.jsonl" >"$TMP/want"

# The base: a run twelve hours before the last one.
LAST=$NOW
NOW=$((LAST - 12 * 3600))
mkdir -p "$TMP/base"
fetch -q -s "$TMP/base/state" -o "$TMP/base/out" 2>"$TMP/err" ||
    { echo "# base run: $(cat "$TMP/err")"; }
NOW=$LAST
cp -R "$TMP/base" "$TMP/ref"
fetch -q -s "$TMP/ref/state" -o "$TMP/ref/out"
# The same with a torn line after the base output, the start of a record
# the base state does not hold (as a run killed mid-write leaves): the
# next run cuts it.
cp -R "$TMP/base" "$TMP/torn"
sort "$TMP/base/out" | comm -13 - "$TMP/want" | head -n 1 | head -c 100 \
    >>"$TMP/torn/out"

# faulted OP N DIR: the cron run on DIR with the Nth OP failing; the
# status must be 0, or 3 with a message.
faulted() {
	IRM_FAULT="$1:$2" LD_PRELOAD="$TMP/fault.so" \
	    fetch -q -s "$3/state" -o "$3/out" >/dev/null 2>"$TMP/fe"
	_rc=$?
	if [ "$_rc" != 0 ] && { [ "$_rc" != 3 ] || [ ! -s "$TMP/fe" ]; }; then
		echo "$1:$2 exit $_rc: $(head -c 200 "$TMP/fe")" >>"$TMP/bad"
	fi
	return "$_rc"
}

# calls OP DIR: how many times the cron run on DIR calls OP.
calls() {
	rm -f "$TMP/count"
	IRM_FAULT_COUNT="$TMP/count" LD_PRELOAD="$TMP/fault.so" \
	    fetch -q -s "$2/state" -o "$2/out" >/dev/null 2>&1
	awk -v op="$1" '$1 == op { n += $2 } END { print n + 0 }' "$TMP/count"
}

# points COUNT: the N to try: all up to 16, else 16 spread evenly.
points() {
	awk -v c="$1" 'BEGIN { s = c > 16 ? c / 16 : 1
	    for (x = 1; x <= c + 1; x += s) printf "%d\n", x }' | uniq
}

# judge WHAT: after the rerun on $TMP/r, compared with $TMP/ref.
judge() {
	cmp -s "$TMP/r/state" "$TMP/ref/state" ||
	    echo "$1: the rerun's state differs" >>"$TMP/bad"
	sort -u "$TMP/r/out" | cmp -s - "$TMP/want" ||
	    echo "$1: records lost" >>"$TMP/bad"
	irm-norm "$TMP/r/out" -o /dev/null 2>/dev/null ||
	    echo "$1: the output has a broken line" >>"$TMP/bad"
	set -- "$1" $(emu_blobs_again "$TMP/r/out")
	[ "$2" -le 1 ] && [ "$3" = 0 ] ||
	    echo "$1: $2 blobs written again, $3 in part" >>"$TMP/bad"
}

check "the torn output ends in a part line" \
    test "$(tail -c 1 "$TMP/torn/out" | od -An -c | tr -d ' ')" != '\n'
check "the base run fetched part of the records" \
    test "$(wc -l <"$TMP/base/out")" -gt 0 -a \
    "$(wc -l <"$TMP/base/out")" -lt "$(wc -l <"$TMP/want")"
sort "$TMP/ref/out" >"$TMP/refsorted"
check_same "the undisturbed run: every record once" "$TMP/refsorted" "$TMP/want"

# From the torn output only the repair's calls add anything.
for from in base torn; do
	ops="write fsync rename malloc"
	[ $from = torn ] && ops="ftruncate fsync"
	for op in $ops; do
		: >"$TMP/bad"
		rm -rf "$TMP/r"
		cp -R "$TMP/$from" "$TMP/r"
		c=$(calls $op "$TMP/r")
		[ "$c" = 0 ] && continue
		for n in $(points "$c"); do
			rm -rf "$TMP/r"
			cp -R "$TMP/$from" "$TMP/r"
			faulted $op "$n" "$TMP/r" ||
			    fetch -q -s "$TMP/r/state" -o "$TMP/r/out" \
			    >/dev/null 2>"$TMP/re" ||
			    echo "$op:$n: the rerun failed: $(head -c 200 "$TMP/re")" >>"$TMP/bad"
			judge "$op:$n"
		done
		check "irm-fetch --state -o ($from), $op failing at each of $c calls: exit 0 or 3, the rerun as undisturbed" \
		    test ! -s "$TMP/bad"
		sed 's/^/# /' "$TMP/bad"
	done
done
# Standard output on a full disk: exit 3 with a message, and the state
# records nothing that did not get out, so a rerun writes all of it.
rm -rf "$TMP/r"
cp -R "$TMP/base" "$TMP/r"
fetch -q -s "$TMP/r/state" >/dev/full 2>"$TMP/err"
check "irm-fetch to a full disk: exit 3 with a message" test $? = 3 -a -s "$TMP/err"
fetch -q -s "$TMP/r/state" >>"$TMP/r/out"
check "the rerun to stdout: exit 0" test $? = 0
sort "$TMP/r/out" >"$TMP/got"
check_same "the rerun wrote every record once" "$TMP/got" "$TMP/want"
check "the rerun's state is the undisturbed run's" cmp "$TMP/r/state" "$TMP/ref/state"
echo "1..$_tap_n"
done_testing
