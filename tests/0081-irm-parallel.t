#!/bin/sh
# examples/scale/irm-parallel writes the insights and alerts of one run
# (compared sorted), with GNU parallel (skipped without it: Debian
# package parallel) and with its xargs fallback; and a partition job
# killed midway leaves nothing merged, and a rerun redoes that job alone.
# Not in the sanitizer tree: irm-parallel is a shell script, the
# partitioned runs of irm-score it drives run under the sanitizers in
# 0080, and there it took 41 s of CPU (make check's longest there).
. "$(dirname "$0")/lib.sh"
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer tree" ;; esac
IRMP=$TOP/examples/scale/irm-parallel
REAL=$(command -v irm-score)

scale_tenant

plan 16
check "the one run has cumulative insights" \
    grep -q '"insight":"cumulative"' "$TMP/one"

if command -v parallel >/dev/null 2>&1; then
	check "GNU parallel, -j 2: exit 0" sh "$IRMP" -j 2 \
	    -s "$T/settings.json" -p "$T/policies" -o "$TMP/par" \
	    "$T"/raw/*
	same_as_one "GNU parallel" "$TMP/par"
else
	for i in 1 2 3; do
		ok "# SKIP GNU parallel is not installed (Debian package parallel)"
	done
fi
check "xargs, -j 2 -n 5: exit 0" env IRM_PARALLEL=xargs sh "$IRMP" -j 2 \
    -n 5 -s "$T/settings.json" -p "$T/policies" -o "$TMP/xa" "$T"/raw/*
same_as_one "xargs" "$TMP/xa"

# An irm-score that logs its calls, and kills the first pass of
# partition 0, then the second pass of partition 1, once each, midway.
mkdir "$TMP/bin"
cat >"$TMP/bin/irm-score" <<EOF
#!/bin/sh
echo "\$*" >>"$TMP/calls"
case "\$*" in
*--population-out*part-0.pop*) m=$TMP/killed-first ;;
*--population*part-1.ins.tmp*) m=$TMP/killed-second ;;
*) exec "$REAL" "\$@" ;;
esac
[ -e "\$m" ] && exec "$REAL" "\$@"
: >"\$m"
# The file it writes, once opened (before any event is read): kill it.
out=
prev=
for a; do
	case \$prev in --population-out) out=\$a.tmp ;; -o) out=\$a ;; esac
	prev=\$a
done
"$REAL" "\$@" &
pid=\$!
while [ ! -e "\$out" ]; do sleep 0.01; done
kill -9 \$pid
exit 137
EOF
chmod +x "$TMP/bin/irm-score"
kp() {
	PATH=$TMP/bin:$PATH IRM_PARALLEL=${IRM_PARALLEL:-} sh "$IRMP" -j 2 \
	    -n 3 -s "$T/settings.json" -p "$T/policies" -o "$TMP/k" \
	    "$T"/raw/* 2>/dev/null
}
mode=xargs
command -v parallel >/dev/null 2>&1 && mode=parallel
IRM_PARALLEL=$mode
export IRM_PARALLEL
kp
check "$mode: a first pass killed, the run fails" test $? -ne 0
check "... no population of it, no merge" \
    test ! -e "$TMP/k/work/part-0.pop" -a ! -e "$TMP/k/work/population"
: >"$TMP/calls"
kp
check "rerun: a second pass killed, the run fails" test $? -ne 0
check "... no insights of it, no merge" \
    test ! -e "$TMP/k/work/part-1.ins" -a ! -e "$TMP/k/insights.jsonl"
# The rerun ran the first pass of partition 0 alone, then every second
# pass (none had run).
grep -c -- '--population-out' "$TMP/calls" >"$TMP/n1"
echo 1 >"$TMP/one1"
check_same "... whose first passes were partition 0's alone" "$TMP/n1" \
    "$TMP/one1"
: >"$TMP/calls"
kp
check "rerun: exit 0" test $? = 0
grep -c 'part-1.ins.tmp' "$TMP/calls" >"$TMP/n2"
wc -l <"$TMP/calls" | tr -d ' ' >>"$TMP/n2"
echo 1 >>"$TMP/one1"
check_same "... one job run again, partition 1's second pass" \
    "$TMP/n2" "$TMP/one1"
same_as_one "after the kills" "$TMP/k"
done_testing
