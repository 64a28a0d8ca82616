#!/bin/sh
# Ten cron-style runs of irm-fetch o365 with a state and -o, seven hours
# apart, with a fault injected into most of them and a quarter of the
# content arriving five hours late: together they write every record of
# the emulator exactly once.  A state older than the API's 7 days reports
# the expired range and exits 1; a state in use by another run exits 3.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"

plan 16

T0=$((NOW - 75 * 3600))
emu_gen 3 $T0 60 4 5
emu_start
sort "$EMU_DIR/records.jsonl" >"$TMP/want"

# Some late blobs are invisible at one run and must come from the next
# run's overlap window.
late=$(perl -MJSON::PP -e 'local $/; open F, $ARGV[0] or die;
	my $n = 0;
	for my $b (@{decode_json(<F>)}) {
		for my $k (1 .. 10) {
			my $t = $ARGV[1] + 7 * 3600 * $k;
			$n++, last if $b->{created} < $t && $b->{visible} > $t;
		}
	}
	print $n' "$EMU_DIR/content.json" $T0)
check "some content is late for a run ($late blobs)" test "$late" -gt 3

faults="- 429:blob af429:content 500:blob drop:blob truncate:blob expire:blob 500:token stall:blob af429:blob"
bad=0
for k in 1 2 3 4 5 6 7 8 9 10; do
	NOW=$((T0 + 7 * 3600 * k))
	f=$(echo $faults | cut -d' ' -f$k)
	[ "$f" != - ] && [ -n "$f" ] && emu_fault "${f%:*}" "${f#*:}"
	fetch -q -s "$TMP/state" -o "$TMP/out" 2>"$TMP/err$k" || {
		bad=$((bad + 1)); sed "s/^/# run $k: /" "$TMP/err$k"; }
done
check "ten runs exit 0" test $bad = 0
check "every fault fired" test ! -s "$EMU_DIR/faults"
sort "$TMP/out" >"$TMP/got"
check_same "ten runs wrote every record exactly once" "$TMP/got" "$TMP/want"
check "the runs said nothing (-q)" sh -c "cat '$TMP'/err* | grep -q . && exit 1 || exit 0"
check "the state and the output are mode 0600" \
    test "$(stat -c %a "$TMP/state" "$TMP/out" | sort -u)" = 600
check "the state is an o365 state of the tenant, version 1" \
    perl -MJSON::PP -e 'local $/; open F, $ARGV[0] or die; my $s = decode_json(<F>);
	exit !($s->{irm_fetch_state} == 1 && $s->{source} eq "o365" &&
	    $s->{tenant} eq $ARGV[1] && keys %{$s->{cursors}} == 5 &&
	    $s->{cursors}{"DLP.All"} eq "2026-03-09T19:00:00.000Z")' \
    "$TMP/state" "$TENANT"
n=$(wc -l <"$TMP/out")

# An eleventh run with nothing new writes nothing.
check_rc "a run with nothing new: exit 0" 0 fetch -s "$TMP/state" -o "$TMP/out"
check "a run with nothing new writes nothing" test "$(wc -l <"$TMP/out")" = "$n"
check "a run with nothing new lists 12 hours back" \
    grep -q "contentType=DLP.All&startTime=2026-03-09T07:00:00&endTime=2026-03-09T19:00:00" \
    "$EMU_DIR/requests.log"

# Eight days later: the week in between expired unfetched.
NOW=$((NOW + 8 * 86400))
fetch -s "$TMP/state" -o "$TMP/out" --content-type Audit.Exchange 2>"$TMP/err"
check "expired content: exit 1" test $? = 1
echo "irm-fetch: Audit.Exchange: content from 2026-03-09T19:00:00.000Z to 2026-03-10T19:05:00.000Z expired before it was fetched (the API keeps 7 days)" >"$TMP/want_e"
check_same "expired content: the window is reported" "$TMP/err" "$TMP/want_e"
check "the listing starts no more than 7 days back" \
    grep -q "contentType=Audit.Exchange&startTime=2026-03-10T19:05:00&endTime=2026-03-11T19:05:00" \
    "$EMU_DIR/requests.log"

# A state in use by another run.
perl -e 'use Fcntl ":flock"; open my $f, ">>", $ARGV[0] or die;
	flock($f, LOCK_EX) or die; print "locked\n"; $| = 1; sleep 5' \
    "$TMP/state.lock" >"$TMP/locked" &
holder=$!
i=0
while [ ! -s "$TMP/locked" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
fetch -q -s "$TMP/state" -o "$TMP/out2" 2>"$TMP/err"
check "a locked state: exit 3" test $? = 3
check "a locked state: said so" \
    grep -q "^irm-fetch: $TMP/state: locked by another irm-fetch run\$" "$TMP/err"
kill $holder 2>/dev/null
wait $holder 2>/dev/null

# A state that is not one.
echo '{"irm_fetch_state":1,"source":"graph","tenant":"x","cursors":{},"seen":{}}' >"$TMP/other"
check_rc "the state of another source: exit 3" 3 fetch -s "$TMP/other"
done_testing
