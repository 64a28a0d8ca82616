#!/bin/sh
# Fault injection: write (a short write, then a full disk), fsync, rename,
# ftruncate and malloc fail at the Nth call (tests/fault/fault.c, by
# LD_PRELOAD) while irm-score saves its state (and appends to -o),
# irm-report appends to the store and irm-case acts (journal.head is
# renamed into place at each commit); stdout is /dev/full.
# Every run completes or exits 3 with a message, and a rerun reaches the
# state of an undisturbed run: nothing lost, nothing doubled.  The plain build only: the
# sanitizers bring their own allocator.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer build" ;; esac
command -v cc >/dev/null || skip_all "no C compiler"
cc -shared -fPIC -O1 -o "$TMP/fault.so" "$TESTS/fault/fault.c" -ldl 2>"$TMP/cc" ||
    skip_all "cannot build the shim: $(head -n 1 "$TMP/cc")"


SOURCE_DATE_EPOCH=1775000000
export SOURCE_DATE_EPOCH
EX=$TOP/examples
irm-norm "$EX"/tenant/* | sort >"$TMP/events"
half=$(($(wc -l <"$TMP/events") / 2))
head -n "$half" "$TMP/events" >"$TMP/ev1"
tail -n +"$((half + 1))" "$TMP/events" >"$TMP/ev2"
irm-score -s "$EX/settings.json" -p "$EX/policies" "$TMP/events" >"$TMP/ins"
head -n 6 "$TMP/ins" >"$TMP/ins1"
tail -n +7 "$TMP/ins" >"$TMP/ins2"

# faulted OP N CMD...: run CMD with the Nth OP failing; the status must be
# 0, or 3 with a message.  Prints the status.
faulted() {
	_op=$1 _n=$2
	shift 2
	IRM_FAULT="$_op:$_n" LD_PRELOAD="$TMP/fault.so" "$@" >"$TMP/fo" 2>"$TMP/fe"
	_rc=$?
	if [ "$_rc" != 0 ] && { [ "$_rc" != 3 ] || [ ! -s "$TMP/fe" ]; }; then
		echo "$_op:$_n exit $_rc: $(head -c 200 "$TMP/fe")" >>"$TMP/bad"
	fi
	return "$_rc"
}

# calls OP CMD...: how many times CMD calls OP.
calls() {
	_op=$1
	shift
	rm -f "$TMP/count"
	IRM_FAULT_COUNT="$TMP/count" LD_PRELOAD="$TMP/fault.so" "$@" >/dev/null 2>&1
	awk -v op="$_op" '$1 == op { n += $2 } END { print n + 0 }' "$TMP/count"
}

# points COUNT: the N to try: all up to 30, else 30 spread evenly.
points() {
	awk -v c="$1" 'BEGIN { s = c > 30 ? c / 30 : 1
	    for (x = 1; x <= c + 1; x += s) printf "%d\n", x }' | uniq
}
# tried COUNT: which of the calls points tried, in words.
tried() {
	if [ "$1" -le 30 ]; then
		echo "each of $1 calls"
	else
		echo "$(points "$1" | wc -l) points of its $1 calls"
	fi
}

# The store: irm-report appends the second half to a store holding the
# first; the state is what irm-case lists.
S0=$TMP/s0
irm-report -S "$S0" "$TMP/ins1" >/dev/null
cp -R "$S0" "$TMP/base"
irm-report -S "$S0" "$TMP/ins2" >/dev/null
sig() { irm-case -S "$1" list; irm-case -S "$1" verify >/dev/null && echo verified; }
sig "$S0" >"$TMP/want"
# The same from a store whose last line is torn: the writer's repair
# (ftruncate, and the journal.repaired entry) is in the path.  The torn
# line is an append that died before it was committed (journal.head does
# not name it): the first 200 bytes of the next run's first entry.
cp -R "$TMP/base" "$TMP/torn"
j=$TMP/torn/journal.jsonl
sed -n "$(($(wc -l <"$j") + 1))p" "$S0/journal.jsonl" | head -c 200 >>"$j"
cp -R "$TMP/torn" "$TMP/s1"
irm-report -S "$TMP/s1" "$TMP/ins2" >/dev/null 2>&1
sig "$TMP/s1" >"$TMP/want-torn"
for op in write fsync rename ftruncate malloc; do
	for from in base torn; do
		want=$TMP/want
		[ $from = torn ] && want=$TMP/want-torn
		: >"$TMP/bad"
		rm -rf "$TMP/s"
		cp -R "$TMP/$from" "$TMP/s"
		c=$(calls $op irm-report -S "$TMP/s" "$TMP/ins2")
		[ "$c" = 0 ] && continue
		for n in $(points "$c"); do
			rm -rf "$TMP/s"
			cp -R "$TMP/$from" "$TMP/s"
			faulted $op "$n" irm-report -S "$TMP/s" "$TMP/ins2" ||
			    irm-report -S "$TMP/s" "$TMP/ins2" >/dev/null 2>&1
			sig "$TMP/s" >"$TMP/got"
			cmp -s "$TMP/got" "$want" || echo "$op:$n: the rerun's state differs" >>"$TMP/bad"
		done
		check "irm-report -S ($from store), $op failing at $(tried "$c"): exit 0 or 3, the rerun's store as undisturbed" test ! -s "$TMP/bad"
		sed 's/^/# /' "$TMP/bad"
	done
done

# irm-case: confirm an alert into a new case.
A=$(irm-case -S "$S0" list | head -n 1 | jq -r .event.id)
cp -R "$S0" "$TMP/base2"
irm-case -S "$S0" -b ann confirm "$A" >/dev/null
sig "$S0" >"$TMP/want"
irm-case -S "$S0" list --cases >>"$TMP/want"
for op in write fsync rename malloc; do
	: >"$TMP/bad"
	rm -rf "$TMP/s"
	cp -R "$TMP/base2" "$TMP/s"
	c=$(calls $op irm-case -S "$TMP/s" -b ann confirm "$A")
	for n in $(points "$c"); do
		rm -rf "$TMP/s"
		cp -R "$TMP/base2" "$TMP/s"
		faulted $op "$n" irm-case -S "$TMP/s" -b ann confirm "$A" ||
		    irm-case -S "$TMP/s" -b ann confirm "$A" >/dev/null 2>&1
		{ sig "$TMP/s"; irm-case -S "$TMP/s" list --cases; } >"$TMP/got"
		cmp -s "$TMP/got" "$TMP/want" || echo "$op:$n: the rerun's state differs" >>"$TMP/bad"
	done
	check "irm-case confirm, $op failing at $(tried "$c"): exit 0 or 3, the rerun's store as undisturbed" test ! -s "$TMP/bad"
	sed 's/^/# /' "$TMP/bad"
done

# irm-score --state: the second half of the events on the first's state.
score() { irm-score -s "$EX/settings.json" -p "$EX/policies" --state "$@"; }
score "$TMP/st0" "$TMP/ev1" >/dev/null
cp "$TMP/st0" "$TMP/stbase"
score "$TMP/st0" "$TMP/ev2" >/dev/null
for op in write fsync rename malloc; do
	: >"$TMP/bad"
	cp "$TMP/stbase" "$TMP/st"
	c=$(calls $op score "$TMP/st" "$TMP/ev2")
	for n in $(points "$c"); do
		cp "$TMP/stbase" "$TMP/st"
		faulted $op "$n" score "$TMP/st" "$TMP/ev2" ||
		    score "$TMP/st" "$TMP/ev2" >/dev/null 2>&1
		cmp -s "$TMP/st" "$TMP/st0" || echo "$op:$n: the rerun's state differs" >>"$TMP/bad"
		[ -e "$TMP/st.tmp" ] && echo "$op:$n: a temporary state file is left" >>"$TMP/bad"
	done
	check "irm-score --state, $op failing at $(tried "$c"): exit 0 or 3, the rerun's state as undisturbed" test ! -s "$TMP/bad"
	sed 's/^/# /' "$TMP/bad"
done

# irm-score --state -o, as a cron job runs it: the insights are appended
# and synced before the state is saved, so after a failure the rerun
# writes them again (irm-report counts an insight id once): the insights
# as a set and the state are the undisturbed run's.  From a base whose -o
# ends in a partial line too (a run killed mid-write): it is cut, not
# glued to the next insight.
score "$TMP/so0" -o "$TMP/io0" "$TMP/ev1" >/dev/null
cp "$TMP/so0" "$TMP/sobase"
cp "$TMP/io0" "$TMP/iobase"
score "$TMP/so0" -o "$TMP/io0" "$TMP/ev2" >/dev/null
sort -u "$TMP/io0" >"$TMP/iowant"
cp "$TMP/iobase" "$TMP/iotorn"
tail -n +"$(($(wc -l <"$TMP/iobase") + 1))" "$TMP/io0" | head -n 1 |
    head -c 60 >>"$TMP/iotorn"
for from in base torn; do
	for op in write fsync rename ftruncate malloc; do
		: >"$TMP/bad"
		cp "$TMP/sobase" "$TMP/so"
		cp "$TMP/io$from" "$TMP/io"
		c=$(calls $op score "$TMP/so" -o "$TMP/io" "$TMP/ev2")
		[ "$c" = 0 ] && continue
		for n in $(points "$c"); do
			cp "$TMP/sobase" "$TMP/so"
			cp "$TMP/io$from" "$TMP/io"
			faulted $op "$n" score "$TMP/so" -o "$TMP/io" "$TMP/ev2" ||
			    score "$TMP/so" -o "$TMP/io" "$TMP/ev2" >/dev/null 2>&1
			cmp -s "$TMP/so" "$TMP/so0" || echo "$op:$n: the rerun's state differs" >>"$TMP/bad"
			sort -u "$TMP/io" | cmp -s - "$TMP/iowant" ||
			    echo "$op:$n: the rerun's insights differ" >>"$TMP/bad"
		done
		check "irm-score --state -o ($from output), $op failing at $(tried "$c"): exit 0 or 3, the rerun as undisturbed" test ! -s "$TMP/bad"
		sed 's/^/# /' "$TMP/bad"
	done
done
cp "$TMP/sobase" "$TMP/so"
score "$TMP/so" -o /dev/full "$TMP/ev2" >/dev/null 2>"$TMP/err"
check "irm-score --state -o on a full disk: exit 3 with a message" test $? = 3 -a -s "$TMP/err"
check "irm-score --state -o on a full disk: the state is not saved" cmp "$TMP/so" "$TMP/sobase"

# Standard output on a full disk.
full() {
	_what=$1
	shift
	"$@" >/dev/full 2>"$TMP/err"
	check "$_what to a full disk: exit 3 with a message" test $? = 3 -a -s "$TMP/err"
}
full irm-norm irm-norm "$EX/tenant/audit-2026-03.jsonl"
full irm-score irm-score -s "$EX/settings.json" -p "$EX/policies" "$TMP/events"
full irm-report irm-report "$TMP/ins"
full "irm-report -f html" irm-report -f html "$TMP/ins"
full "irm-case list" irm-case -S "$S0" list
full "irm-case show" irm-case -S "$S0" show "$A"
echo "1..$_tap_n"
done_testing
