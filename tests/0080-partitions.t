#!/bin/sh
# A partitioned run (irm(7) SCALE) writes exactly the insights and alerts
# of one run: irm-norm -P N splits the events into partitions of whole
# users by FNV-1a 64 of the user mod N, a first pass of irm-score per
# partition writes its population (--population-out), the populations
# concatenate, and a second pass per partition reads them (--population)
# so that cumulative exfiltration compares the whole tenant's peers on
# the days one run would.  N = 1, 2, 3 and 7.
. "$(dirname "$0")/lib.sh"
# Under the sanitizers 0081 runs the same population reading and writing
# (irm-norm -P, --population-out, --population) in 35 s; this one takes
# 71 s there, and make check must stay under 10 minutes on 2 cores.
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer tree: 0081 covers its C paths" ;; esac

scale_tenant

plan 25
check "the one run has cumulative insights" \
    grep -q '"insight":"cumulative"' "$TMP/one"

# The partition of a user, computed apart from irm: FNV-1a 64 of the
# bytes of user.name, modulo N.
cat >"$TMP/fnv.pl" <<'EOF'
use strict; use Math::BigInt;
my $n = shift; my $m = Math::BigInt->new(2)**64;
my $p = Math::BigInt->new("1099511628211");
my %want;
while (<STDIN>) {
	chomp; my ($part, $user, $target, $act) = split /\t/;
	for my $u ($user) {
		# Once a user: BigInt is slow.
		my $want = $want{$u} //= do {
			my $h = Math::BigInt->new("14695981039346656037");
			for my $c (unpack "C*", $u) { $h->bxor($c); $h->bmul($p)->bmod($m); }
			$h->bmod($n);
		};
		# A deletion's copy for the deleted account's partition.
		next if $act eq "account_deleted" && $want != $part;
		print "$u: partition $part, want $want\n" if $want != $part;
	}
}
EOF
irm-norm -P 7 "$T"/raw/* 2>/dev/null >"$TMP/lines7"
cut -f 2- "$TMP/lines7" | jq -r '[.user.name, (.user.target.name // ""),
    .irm.activity] | @tsv' >"$TMP/p7.users"
cut -f 1 "$TMP/lines7" | paste - "$TMP/p7.users" | sort -u | perl "$TMP/fnv.pl" 7 \
    >"$TMP/badpart"
check_same "irm-norm -P 7: every line in FNV-1a 64 of its user mod 7" \
    "$TMP/badpart" /dev/null
# A deletion is written for its target's partition too.
grep '"activity":"account_deleted"' "$TMP/lines7" | cut -f 1 | sort -u \
    >"$TMP/delparts"
check "a deletion reaches the deleted account's partition" \
    test "$(wc -l <"$TMP/delparts")" -ge 2
irm-norm -P 1 "$T"/raw/* 2>/dev/null >"$TMP/lines1"
cut -f 1 "$TMP/lines1" | sort -u >"$TMP/p1parts"
echo 0 >"$TMP/zero"
check_same "irm-norm -P 1: every line in partition 0" "$TMP/p1parts" \
    "$TMP/zero"
check_rc "irm-norm -P 0: usage error" 2 irm-norm -P 0 /dev/null

# --split writes the lines of -P, without the prefix, a file per
# partition; also when it runs out of descriptors (room for 4 of the 7
# files beside those open now and the input).
awk -F '\t' -v w="$TMP/awk7" 'BEGIN { system("mkdir -p " w) }
    { f = w "/part-" $1; sub(/^[^\t]*\t/, ""); print > f }' "$TMP/lines7"
irm-norm -P 7 --split "$TMP/split7" "$T"/raw/* 2>/dev/null
check "irm-norm -P 7 --split: the files of -P split by awk" \
    diff -r "$TMP/awk7" "$TMP/split7"
# The limit under which 5 descriptors are free: the input and 4 files.
lim=3 free=0
while [ "$free" -lt 5 ]; do
	[ -e "/proc/$$/fd/$lim" ] || free=$((free + 1))
	lim=$((lim + 1))
done
(exec 2>"$TMP/few7.err" && ulimit -n "$lim" &&
    exec irm-norm -P 7 --split "$TMP/few7" "$T"/raw/*)
check "... with descriptors for 4 files" diff -r "$TMP/awk7" "$TMP/few7"
check_rc "irm-norm --split without -P: usage error" 2 \
    irm-norm --split "$TMP/nop" /dev/null

run() {
	n=$1 w=$TMP/p$1
	mkdir -p "$w"
	irm-norm -P "$n" --split "$w" "$T"/raw/* 2>/dev/null
	for f in "$w"/part-*; do
		sort "$f" >"$f.ev"
		# shellcheck disable=SC2086
		irm-score $S --population-out "$f.pop" "$f.ev" || return 1
	done
	cat "$w"/*.pop >"$w/population"
	for f in "$w"/part-*.ev; do
		# shellcheck disable=SC2086
		irm-score $S --population "$w/population" "$f" \
		    >"$f.ins" || return 1
		# Alerts group the insights of a user: per partition too.
		irm-report "$f.ins" >"$f.alerts" || return 1
	done
	cat "$w"/*.ins | sort >"$w/insights"
	cat "$w"/*.alerts | sort >"$w/alerts"
}
for n in 1 2 3 7; do
	run $n 2>"$TMP/err.$n"
	check_same "N=$n: the insights of one run" "$TMP/p$n/insights" \
	    "$TMP/one.sorted"
	check_same "N=$n: the alerts of one run" "$TMP/p$n/alerts" \
	    "$TMP/alerts.one"
	check "N=$n: $(ls "$TMP/p$n"/part-*.ev | wc -l) partitions" \
	    test "$(ls "$TMP/p$n"/part-*.ev | wc -l)" -eq $n
done

# Without the population, each partition compares its own users only.
for f in "$TMP"/p7/part-*.ev; do
	# shellcheck disable=SC2086
	irm-score $S "$f" 2>/dev/null
done | sort >"$TMP/alone"
check "N=7 without --population: other cumulative insights" \
    sh -c "! cmp -s '$TMP/alone' '$TMP/one.sorted'"

# A population that was cut short is refused, before any output.
head -n 20 "$TMP/p3/part-0.pop" >"$TMP/short.pop"
# shellcheck disable=SC2086
check_rc "a population without its end: exit 2" 2 \
    irm-score $S --population "$TMP/short.pop" -o "$TMP/o" "$TMP/events"
check "... and the output left alone" test ! -e "$TMP/o"
tail -n +2 "$TMP/p3/part-0.pop" >"$TMP/nohead.pop"
# shellcheck disable=SC2086
check_rc "a population without its header: exit 2" 2 \
    irm-score $S --population "$TMP/nohead.pop" "$TMP/events"
: >"$TMP/empty.pop"
# shellcheck disable=SC2086
check_rc "an empty population (no header): exit 2" 2 \
    irm-score $S --population "$TMP/empty.pop" "$TMP/events"
done_testing
