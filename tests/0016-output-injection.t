#!/bin/sh
# Output injection (SECURITY.md): every csv cell holding ';', a tab or a
# control is quoted and formula prefixes are neutralised in every cell
# (OWASP), so a user named a;=1+2;c@contoso.com stays one cell where the
# list separator is ';'; ESC, C1 (U+009B) and bidi overrides (U+202E) are
# never written raw: '?' in csv, html and irm-case show, removed in
# table, \u escapes in jsonl, o365 and ocsf (o365 holds the alert as a
# JSON string, so its escapes are escaped once more).
. "$(dirname "$0")/lib.sh"

plan 8

ins() {
	printf '{"@timestamp":"2026-03-02T00:00:00.000Z","event":{"id":"%s"},"user":{"name":"%s"},"rule":{"name":"p"},"irm":{"insight":"indicator","indicator":"%s","count":1,"score":%s}}\n' \
	    "$1" "$2" "$3" "$4"
}
{
	ins e1 'a;=1+2;c@contoso.com' 'x;-1' 80
	ins e2 'esc\u001b[2Jc1\u009b2Jrtl\u202egnp.exe' 'bidi\u2066i\u2069' 50
	ins e3 'tab\tin' 'plain' 20
} >"$TMP/in.jsonl"
# raw FILE: does FILE hold ESC, a C1 control or a bidi override raw?
raw() { LC_ALL=C grep -q "$(printf '\033')\|$(printf '\302\233')\|$(printf '\342\200\256')\|$(printf '\342\201\246')" "$1"; }

irm-report -f csv "$TMP/in.jsonl" | sed 's/^alr-[0-9a-f]*,//' >"$TMP/csv"
check "csv: a cell with ';' is quoted, so it stays one cell" \
    grep -q '^needs_review,high,80,"a;=1+2;c@contoso.com",p,.*,"x;-1:80x1",' "$TMP/csv"
check "csv: controls quoted and written as '?'" \
    grep -q '^needs_review,medium,50,"esc?\[2Jc1?2Jrtl?gnp.exe",p,.*,"bidi?i?:50x1",' "$TMP/csv"
check "csv: a cell with a tab is quoted" \
    grep -q "$(printf '^needs_review,low,20,"tab\tin",')" "$TMP/csv"
for f in jsonl o365 ocsf; do
	irm-report -f "$f" "$TMP/in.jsonl" >"$TMP/$f"
done
: >"$TMP/bad"
for f in csv jsonl o365 ocsf; do raw "$TMP/$f" && echo "$f: raw control" >>"$TMP/bad"; done
for f in jsonl o365 ocsf; do
	grep -q 'c1\\\\*u009b2Jrtl\\\\*u202egnp' "$TMP/$f" || echo "$f: no \\u escapes" >>"$TMP/bad"
done
check "csv and JSON outputs: no raw control; JSON has \\u009b and \\u202e" test ! -s "$TMP/bad"
for f in table html; do
	irm-report -f "$f" "$TMP/in.jsonl" >"$TMP/$f"
done
check "table: no raw ESC, C1 or bidi control" sh -c "! LC_ALL=C grep -q '$(printf '\302\233')\|$(printf '\342\200\256')' '$TMP/table'"
check "html: C1 and bidi controls as '?'" \
    sh -c "! LC_ALL=C grep -q '$(printf '\302\233')\|$(printf '\342\200\256')' '$TMP/html' && grep -q 'c1?2Jrtl?gnp.exe' '$TMP/html'"

# irm-case show.
irm-report -S "$TMP/store" "$TMP/in.jsonl" >/dev/null
id=$(irm-case -S "$TMP/store" list | grep gnp | grep -o 'alr-[0-9a-f]*' | head -n 1)
irm-case -S "$TMP/store" show "$id" >"$TMP/show"
check "irm-case show: the hostile user's alert shows" grep -q 'rtl?gnp.exe' "$TMP/show"
check "irm-case show: no raw C1 or bidi control" \
    sh -c "! LC_ALL=C grep -q '$(printf '\302\233')\|$(printf '\342\200\256')\|$(printf '\342\201\246')' '$TMP/show'"
done_testing
