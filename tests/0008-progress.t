#!/bin/sh
# Progress and summaries: on a terminal (script(1) gives one), a run of
# irm-norm or irm-report that lasts more than a second draws a progress
# line on stderr and erases it, before a message and at the end; nothing
# on a pipe, nor when stdout is the terminal; -v prints the counts and
# the time at the end, on a pipe too.
. "$(dirname "$0")/lib.sh"
plan 15
A=$TOP/examples/tenant/audit-2026-03.jsonl
esc=$(printf '\033')
cr=$(printf '\r')

# The example tenant's events and insights; insights repeated make a
# longer input (replays change no alert).
irm-norm "$TOP"/examples/tenant/* | sort >"$TMP/ev"
irm-score -s "$TOP/examples/settings.json" -p "$TOP/examples/policies" \
    "$TMP/ev" >"$TMP/ins"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	cat "$TMP/ins"
done >"$TMP/ins20"

# -v, on a pipe.
printf '{"broken\n' >"$TMP/bad"
irm-norm -v "$A" "$TMP/bad" "$TMP/missing" >/dev/null 2>"$TMP/err"
check_rc "irm-norm -v with rejects: exit 1" 1 \
    sh -c "irm-norm -v '$A' '$TMP/bad' '$TMP/missing' >/dev/null 2>&1"
n=$(wc -l <"$A")
check "irm-norm -v: records in, events out, rejected, time" \
    grep -q -x "irm-norm: $((n + 2)) records in, $n events out, 2 rejected, [0-9]*\.[0-9][0-9] s" "$TMP/err"
irm-report -v "$TMP/ins20" "$TMP/bad" >/dev/null 2>"$TMP/err"
ni=$(wc -l <"$TMP/ins")
na=$(irm-report "$TMP/ins" | wc -l)
check "irm-report -v: insights in, alert records out, rejected, time" \
    grep -q -x "irm-report: $((ni * 20 + 1)) insights in, $na alert records out, 1 rejected, [0-9]*\.[0-9][0-9] s" "$TMP/err"
irm-norm "$A" >/dev/null 2>"$TMP/err"
check "irm-norm without -v on a pipe: nothing on stderr" test ! -s "$TMP/err"
ne=$(wc -l <"$TMP/ev")
irm-score -v -s "$TOP/examples/settings.json" -p "$TOP/examples/policies" \
    "$TMP/ev" "$TMP/bad" >/dev/null 2>"$TMP/err"
check "irm-score -v: events in, insights out, rejected, time" \
    grep -q -x "irm-score: $((ne + 1)) events in, $ni insights out, 1 rejected, [0-9]*\.[0-9][0-9] s" "$TMP/err"

command -v script >/dev/null || {
	for i in 1 2 3 4 5 6 7 8 9 10; do ok "progress on a terminal # SKIP no script(1)"; done
	done_testing
}
slow="(cat '$A'; sleep 1.3; cat '$A' '$A')"
on_tty "$slow | irm-norm -o /dev/null"
check "irm-norm on a terminal, a slow run: a progress line with records, rate, file" \
    grep -q "${cr}irm-norm: [0-9][0-9]* records, [0-9][0-9]*/s, <stdin>${esc}\[K" "$TMP/tty"
check "the progress line is erased at the end" \
    sh -c "tail -n 1 '$TMP/tty' | grep -q '${esc}\\[K${cr}${esc}\\[K\$'"
on_tty "$slow | irm-norm -o /dev/null -v"
check "-v's summary starts on a clean line after the progress line" \
    grep -q "${cr}${esc}\[Kirm-norm: $((n * 3)) records in, $((n * 3)) events out" "$TMP/tty"
on_tty "(cat '$A'; sleep 1.3; cat '$A'; echo '{\"broken'; cat '$A') | irm-norm -o /dev/null"
check "a message erases the progress line first" \
    grep -q "${cr}${esc}\[Kirm-norm: <stdin>:$((n * 2 + 1)): " "$TMP/tty"
on_tty "irm-norm -o /dev/null '$A'"
check "a run under a second shows nothing" \
    sh -c "! grep -q 'records' '$TMP/tty'"
on_tty "$slow | irm-norm | cat >/dev/null"
check "a pipe on stdout, a terminal on stderr: progress" \
    grep -q "${cr}irm-norm: [0-9]* records, " "$TMP/tty"
on_tty "$slow | irm-norm"
check "stdout on the terminal too: no progress line" \
    sh -c "! grep -q 'records, [0-9]*/s' '$TMP/tty'"
on_tty "(cat '$TMP/ins20'; sleep 1.3; cat '$TMP/ins20') | irm-report -o /dev/null"
check "irm-report on a terminal, a slow run: a progress line" \
    grep -q "${cr}irm-report: [0-9][0-9]* insights, [0-9][0-9]*/s, <stdin>${esc}\[K" "$TMP/tty"
evs="(cat '$TMP/ev'; sleep 1.3; cat '$TMP/ev')"
on_tty "$evs | irm-score -s '$TOP/examples/settings.json' -p '$TOP/examples/policies' -o /dev/null"
check "irm-score on a terminal, a slow run: a progress line" \
    grep -q "${cr}irm-score: [0-9][0-9]* events, [0-9][0-9]*/s, <stdin>${esc}\[K" "$TMP/tty"
on_tty "irm-score -s '$TOP/examples/settings.json' -p '$TOP/examples/policies' '$TMP/ev' | cat >/dev/null"
check "irm-score, a run under a second: nothing" \
    sh -c "! grep -q 'events, ' '$TMP/tty'"
done_testing
