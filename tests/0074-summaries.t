#!/bin/sh
# One end-of-run summary for every tool: -v prints, as its last line on
# the standard error and on a pipe too,
#	TOOL: N WHAT in, N WHAT out, N rejected, S.SS s
# (irm-norm, irm-score, irm-report, each irm-case command, irm-fetch o365,
# graph and url, irm-gen), with the right counts; without -v, nothing;
# none after a failure (exit 3), whose message stays last.
# On a terminal, irm-case draws the progress line of the other tools while
# it reads a long journal (held up by a lock here, so the read passes a
# second) and erases it before it prints; irm-gen draws it while it
# writes the days (slowed by a shim).
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 31

EX=$TOP/examples
PAT='[0-9][0-9]* [a-z][a-z ]* in, [0-9][0-9]* [a-z][a-z ]* out, [0-9][0-9]* rejected, [0-9][0-9]*\.[0-9][0-9] s'
esc=$(printf '\033')
cr=$(printf '\r')
# last TOOL FILE: FILE's last line is TOOL's summary.
last() { tail -n 1 "$2" | grep -q -x "$1: $PAT"; }

# The filters.
irm-norm -v "$EX"/tenant/* 2>"$TMP/e" | sort >"$TMP/ev"
check "irm-norm -v: the summary" last irm-norm "$TMP/e"
irm-score -v -s "$EX/settings.json" -p "$EX/policies" "$TMP/ev" \
    >"$TMP/ins" 2>"$TMP/e"
check "irm-score -v: the summary" last irm-score "$TMP/e"
S=$TMP/store
irm-report -v -S "$S" "$TMP/ins" >/dev/null 2>"$TMP/e"
check "irm-report -v: the summary" last irm-report "$TMP/e"

# irm-case: entries read; alerts, cases or entries written; refusals.
n=$(wc -l <"$S/journal.jsonl" | tr -d ' ')
na=$(irm-case -S "$S" list | wc -l | tr -d ' ')
irm-case -v -S "$S" list >/dev/null 2>"$TMP/e"
check "irm-case -v list: the summary" last irm-case "$TMP/e"
check "list: journal entries in, the alerts written out" \
    grep -q -x "irm-case: $n journal entries in, $na alerts out, 0 rejected, .*" "$TMP/e"
irm-case -S "$S" list >/dev/null 2>"$TMP/e"
check "irm-case list without -v: nothing on stderr" test ! -s "$TMP/e"
irm-case -v -S "$S" list --cases >/dev/null 2>"$TMP/e"
check "list --cases: no case yet" \
    grep -q -x "irm-case: $n journal entries in, 0 cases out, 0 rejected, .*" "$TMP/e"
id=$(irm-case -S "$S" list | jq -r .event.id | head -n 1)
irm-case -v -S "$S" show "$id" >/dev/null 2>"$TMP/e"
check "show: one alert out" \
    grep -q -x "irm-case: $n journal entries in, 1 alerts out, 0 rejected, .*" "$TMP/e"
irm-case -v -S "$S" dismiss --reason "a test" "$id" 2>"$TMP/e"
check "an action: one journal entry out" \
    grep -q -x "irm-case: $n journal entries in, 1 journal entries out, 0 rejected, .*" "$TMP/e"
irm-case -v -S "$S" dismiss --reason "again" "$id" 2>"$TMP/e"
check_rc "a refused action still exits 2" 2 \
    irm-case -v -S "$S" dismiss --reason "again" "$id"
check "a refused action: its message, then one rejected" \
    sh -c "grep -q 'only an alert that needs review' '$TMP/e' && grep -q -x 'irm-case: $((n + 1)) journal entries in, 0 journal entries out, 1 rejected, .*' '$TMP/e' && $(command -v tail) -n 1 '$TMP/e' | grep -q -x 'irm-case: $PAT'"
irm-case -v -S "$S" verify >/dev/null 2>"$TMP/e"
check "verify: the summary, nothing out, no problem" \
    grep -q -x "irm-case: $((n + 1)) journal entries in, 0 journal entries out, 0 rejected, .*" "$TMP/e"
cp -R "$S" "$TMP/bad"
sed '2s/"seq":2/"seq":9/' "$S/journal.jsonl" >"$TMP/bad/journal.jsonl"
irm-case -v -S "$TMP/bad" verify >/dev/null 2>"$TMP/e"
check "verify: the problems are what it rejected" \
    sh -c "last() { tail -n 1 \"\$2\" | grep -q -x \"\$1: $PAT\"; }; last irm-case '$TMP/e' && ! tail -n 1 '$TMP/e' | grep -q ' 0 rejected'"

# irm-gen: days in, records out.
irm-gen -v -u 10 -d 3 -s 2 "$TMP/g" 2>"$TMP/e"
check "irm-gen -v: the summary" last irm-gen "$TMP/e"
nr=$(irm-norm "$TMP/g"/raw/* | wc -l | tr -d " ")
check "irm-gen -v: three days in, the raw records out" \
    grep -q -x "irm-gen: 3 days in, $nr records out, 0 rejected, .*" "$TMP/e"
irm-gen -u 10 -d 3 -s 2 "$TMP/g2" 2>"$TMP/e"
check "irm-gen without -v: nothing on stderr" test ! -s "$TMP/e"

# irm-fetch: records in and out; warnings of lost data rejected.
emu_gen 3 $((NOW - 25 * 3600)) 24
perl "$EMU_PL" gen-graph "$EMU_DIR" 3 $((NOW - 25 * 3600)) 24
emu_start
fetch -v --since 2d --content-type Audit.Exchange -o "$TMP/o365" 2>"$TMP/e"
check "irm-fetch o365 -v: the summary after the traces" last irm-fetch "$TMP/e"
no=$(wc -l <"$TMP/o365" | tr -d ' ')
check "irm-fetch o365 -v: the records written, in and out" \
    sh -c "test $no -gt 0 && grep -q -x 'irm-fetch: $no records in, $no records out, 0 rejected, .*' '$TMP/e'"
fetch --since 2d --content-type Audit.Exchange -o "$TMP/o365b" 2>"$TMP/e"
check "irm-fetch without -v: nothing on stderr" test ! -s "$TMP/e"
emu_now "$NOW"
SOURCE_DATE_EPOCH=$NOW IRM_FETCH_DELAY_SCALE=0.01 irm-fetch graph -v \
    --tenant "$TENANT" --client-id "$CLIENT" --client-secret-file "$TMP/secret" \
    --base-url "$EMU" --login-url "$EMU" --resource signIns --since 2d \
    >"$TMP/graph" 2>"$TMP/e"
ng=$(wc -l <"$TMP/graph" | tr -d ' ')
check "irm-fetch graph -v: the summary, the records written" \
    sh -c "test $ng -gt 0 && grep -q -x 'irm-fetch: $ng records in, $ng records out, 0 rejected, .*' '$TMP/e' && tail -n 1 '$TMP/e' | grep -q -x 'irm-fetch: $PAT'"
printf '[{"a":1},{"a":2},{"a":3}]\n' >"$TMP/arr.json"
irm-fetch url -v "file://$TMP/arr.json" >/dev/null 2>"$TMP/e"
check "irm-fetch url -v: the summary" \
    grep -q -x "irm-fetch: 3 records in, 3 records out, 0 rejected, .*" "$TMP/e"
emu_fault 500 any
emu_fault 500 any
SOURCE_DATE_EPOCH=$NOW IRM_FETCH_DELAY_SCALE=0.01 irm-fetch o365 -v \
    --max-retries 1 --tenant "$TENANT" --client-id "$CLIENT" \
    --client-secret-file "$TMP/secret" --base-url "$EMU" --login-url "$EMU" \
    --since 2d >/dev/null 2>"$TMP/e"
check "irm-fetch -v after a failure: no summary, the message last" \
    sh -c "! grep -q -x 'irm-fetch: $PAT' '$TMP/e' && tail -n 1 '$TMP/e' | grep -q 'HTTP 500'"

# Progress on a terminal.
if ! command -v script >/dev/null 2>&1 || ! command -v flock >/dev/null 2>&1; then
	for i in 1 2 3 4 5 6 7 8 9; do
		ok "progress on a terminal # SKIP script(1) or flock(1) missing"
	done
	done_testing
fi
# A store of 2,000 entries from before keys (a chain without MACs) that a
# writer then keys (2,001 entries): verify reads it with a note.
L=$TMP/long
mkdir -m 700 "$L"
perl -MDigest::SHA=sha256_hex -e '
	my $prev = "0" x 64;
	for my $i (1 .. 2000) {
		my $l = sprintf(q({"v":1,"seq":%d,"@timestamp":"2026-03-01T00:00:00.000Z","type":"journal.repaired","by":"irm-report","data":{},"prev":"%s"}), $i, $prev);
		print "$l\n";
		$prev = sha256_hex($l);
	}' >"$L/journal.jsonl"
chmod 600 "$L/journal.jsonl"
irm-report -S "$L" </dev/null >/dev/null
# held: run CMD on a terminal while another process holds the journal's
# lock for 1.5 s, so the read starts a second and a half in.
held() {
	rm -f "$TMP/locked"
	flock -x "$L/journal.jsonl" sh -c "touch '$TMP/locked'; sleep 1.5" &
	_lk=$!
	while [ ! -e "$TMP/locked" ]; do sleep 0.05; done
	on_tty "$1"
	wait $_lk
}
held "irm-case -S '$L' verify"
check "irm-case verify, a long read on a terminal: the progress line" \
    grep -q "${cr}irm-case: [0-9][0-9]* journal entries, [0-9][0-9]*/s, $L/journal.jsonl${esc}\[K" "$TMP/tty"
check "the line is erased, the head printed on a line of its own" \
    sh -c "grep -q '${esc}\[K${cr}${esc}\[K' '$TMP/tty' && grep -q '^[0-9a-f]\{64\}${cr}\$' '$TMP/tty'"
on_tty "irm-case -S '$L' verify"
check "a read under a second shows nothing" \
    sh -c "! grep -q 'journal entries, ' '$TMP/tty'"
held "irm-case -v -S '$L' list --cases"
check "irm-case list: the progress line, stdout on the terminal too" \
    grep -q "${cr}irm-case: [0-9][0-9]* journal entries, [0-9][0-9]*/s, " "$TMP/tty"
check "-v's summary starts on a clean line after it" \
    grep -q "${cr}${esc}\[Kirm-case: 2001 journal entries in, 0 cases out, 0 rejected" "$TMP/tty"
held "irm-case -S '$L' show case-9"
check "a message erases the line first" \
    grep -q "${cr}${esc}\[Kirm-case: case-9: no such alert or case" "$TMP/tty"

# irm-gen on a terminal, slowed: each raw file waits 60 ms to open.
cat >"$TMP/slow.c" <<'EOF'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

int
open(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	va_list ap;
	int mode = 0;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	if (strstr(path, "/raw/"))
		usleep(60000);
	if (real == NULL)
		real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
	return real(path, flags, mode);
}
EOF
# Not in the sanitizer build, whose runtime must come first.
case ${IRM_TREE:-} in */build/asan) asan=1 ;; *) asan= ;; esac
if [ -z "$asan" ] && command -v cc >/dev/null &&
    cc -shared -fPIC -o "$TMP/slow.so" "$TMP/slow.c" -ldl 2>"$TMP/cc"; then
	on_tty "LD_PRELOAD='$TMP/slow.so' irm-gen -u 10 -d 20 -s 2 '$TMP/g3'"
	check "irm-gen on a terminal, a slow run: days, rate, the last day" \
	    grep -q "${cr}irm-gen: [0-9][0-9]* days, [0-9][0-9]*/s, 2026-03-[0-9][0-9]${esc}\[K" "$TMP/tty"
	check "the line is erased at the end" \
	    sh -c "tail -c 8 '$TMP/tty' | grep -q '${cr}${esc}\\[K\$'"
	on_tty "LD_PRELOAD='$TMP/slow.so' irm-gen -u 10 -d 20 -s 2 '$TMP/g4' 2>/dev/null"
	check "irm-gen, stderr not a terminal: no progress line" \
	    sh -c "! grep -q 'days, ' '$TMP/tty'"
else
	ok "irm-gen progress # SKIP sanitizer build or no cc"
	ok "irm-gen progress erased # SKIP sanitizer build or no cc"
	ok "irm-gen progress on a pipe # SKIP sanitizer build or no cc"
fi
done_testing
