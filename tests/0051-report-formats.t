#!/bin/sh
# irm-report -f: every format against a hand-checked golden file
# (tests/golden/report/formats.*), escaping (formula injection in csv,
# terminal escapes in table, markup in html), long names, colour only on
# a terminal, and determinism.
. "$(dirname "$0")/lib.sh"
plan 19

IN=$TOP/tests/data/report/formats.jsonl
GOLD=$TOP/tests/golden/report

for f in jsonl csv table html o365 ocsf; do
	irm-report -f "$f" "$IN" >"$TMP/got.$f" 2>"$TMP/err.$f"
	echo "$? $(wc -c <"$TMP/err.$f")" >"$TMP/rc"
	echo "0 0" >"$TMP/want"
	if cmp -s "$TMP/rc" "$TMP/want"; then
		check_same "-f $f: the golden output" "$TMP/got.$f" "$GOLD/formats.$f"
	else
		not_ok "-f $f: exit status and stderr: $(cat "$TMP/rc")"
	fi
done

# The default is jsonl; a second run gives the same bytes in every format.
irm-report "$IN" >"$TMP/default"
: >"$TMP/bad"
cmp -s "$TMP/default" "$TMP/got.jsonl" || echo "default is not jsonl" >>"$TMP/bad"
for f in jsonl csv table html o365 ocsf; do
	irm-report -f "$f" "$IN" | cmp -s - "$TMP/got.$f" || echo "$f differs" >>"$TMP/bad"
done
check "jsonl by default; two runs give the same bytes" test ! -s "$TMP/bad"

irm-report -f xml "$IN" >"$TMP/out" 2>"$TMP/err"; rc=$?
echo "$rc" >>"$TMP/err"
printf '%s\n' "irm-report: -f: expected jsonl, csv, table, html, o365 or ocsf: xml" 2 >"$TMP/want"
check_same "-f with an unknown format: usage error" "$TMP/err" "$TMP/want"

# Hostile names.  ins USER INDICATOR: one insight as JSON (USER and
# INDICATOR already JSON-escaped).
ins() {
	printf '{"@timestamp":"2026-03-02T00:00:00.000Z","event":{"id":"%s"},"user":{"name":"%s"},"rule":{"name":"p"},"irm":{"insight":"indicator","indicator":"%s","count":1,"score":%s}}\n' \
	    "$1" "$2" "$3" "$4"
}
{
	ins e1 "=cmd|' /C calc'!A0" usb_copy 80
	ins e2 "-2+3" "@SUM(1)" 50
	ins e3 "a,\\\"b\\\"" "+1" 20
	ins e4 "\\ttab" print 10
} >"$TMP/csv.jsonl"
irm-report -f csv "$TMP/csv.jsonl" | sed 's/^alr-[0-9a-f]*,//' >"$TMP/got"
printf '%s\r\n' "id,status,severity,score,user,policy,first_seen,last_seen,count,risk_factors,top,episode,case" \
    "needs_review,high,80,'=cmd|' /C calc'!A0,p,2026-03-02T00:00:00.000Z,2026-03-02T00:00:00.000Z,1,,usb_copy:80x1,1," \
    "needs_review,medium,50,'-2+3,p,2026-03-02T00:00:00.000Z,2026-03-02T00:00:00.000Z,1,,'@SUM(1):50x1,1," \
    "needs_review,low,20,\"a,\"\"b\"\"\",p,2026-03-02T00:00:00.000Z,2026-03-02T00:00:00.000Z,1,,'+1:20x1,1," \
    "needs_review,low,10,\"'	tab\",p,2026-03-02T00:00:00.000Z,2026-03-02T00:00:00.000Z,1,,print:10x1,1," >"$TMP/want"
check_same "csv: = + - @ TAB neutralised with a quote, quotes doubled" "$TMP/got" "$TMP/want"

# Terminal escapes and controls: CSI, OSC, BEL, DEL, C1 (as UTF-8).
{
	ins t1 'evil\u001b[31mred\u001b[0m\u0007bell\u007f\u009b2J\u001b]0;pwned\u0007x' 'ind\u001b[2Jicator\u0085' 70
	ins t2 "$(printf '%0100000d' 0 | tr 0 a)" "$(printf '%0300d' 0 | tr 0 b)" 40
} >"$TMP/term.jsonl"
irm-report -f table "$TMP/term.jsonl" >"$TMP/table"
LC_ALL=C tr -d '\n -~' <"$TMP/table" | wc -c | tr -d ' ' >"$TMP/got"
echo 0 >"$TMP/want"
check_same "table: no control, escape or non-ASCII byte left" "$TMP/got" "$TMP/want"
grep -c '^alr-[0-9a-f]\{20\}  high  *70  needs_review  evilredbell2Jx  *p  .*  indicator:70x1$' "$TMP/table" >"$TMP/got"
echo 1 >"$TMP/want"
check_same "table: the visible text of an escaped name stays" "$TMP/got" "$TMP/want"
# A 100,000-character user is cut to 40 columns, the indicator to 60.
awk 'NR == 3 { print length($0) }' "$TMP/table" >"$TMP/got"
# 24+8+5+12+40+6+10+5+60 columns and 8 gaps of 2.
echo 186 >"$TMP/want"
check_same "table: a 100,000-character name is cut with an ellipsis" "$TMP/got" "$TMP/want"
check "table: the cut ends in ..." grep -q "^alr-[0-9a-f]\{20\}  medium  *40  needs_review  a\{37\}\.\.\.  p  .*  b\{57\}\.\.\.$" "$TMP/table"

# html: markup in names is text.
{
	ins h1 '<script>alert(1)</script>' '<img src=x onerror=alert(1)>' 90
	ins h2 "o'neil\\\"&co" 'see https://evil.example/x' 30
} >"$TMP/html.jsonl"
irm-report -f html "$TMP/html.jsonl" >"$TMP/page.html"
: >"$TMP/bad"
grep -qi '<script' "$TMP/page.html" && echo "<script> in the page" >>"$TMP/bad"
grep -qi '<img' "$TMP/page.html" && echo "<img> in the page" >>"$TMP/bad"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$TMP/page.html" || echo "escaped user missing" >>"$TMP/bad"
grep -q '&lt;img src=x onerror=alert(1)&gt;' "$TMP/page.html" || echo "escaped indicator missing" >>"$TMP/bad"
grep -q "o&#39;neil&quot;&amp;co" "$TMP/page.html" || echo "quotes not escaped" >>"$TMP/bad"
check "html: < > & \" ' escaped in every field" test ! -s "$TMP/bad"
cat "$TMP/page.html" "$TMP/got.html" | grep -ciE 'https?://|<script|<link|<iframe|<[a-z]+ [^>]*src=' >"$TMP/got"
echo 0 >"$TMP/want"
check_same "html: no script, no link, no URL (even from the data)" "$TMP/got" "$TMP/want"

# Colour: never into a file or pipe; on a terminal unless --no-color or
# NO_COLOR.
check "table to a file: no escape sequences" sh -c "! grep -q \"\$(printf '\\033')\" '$TMP/got.table'"
if command -v script >/dev/null 2>&1 &&
    script -qec true /dev/null </dev/null >/dev/null 2>&1; then
	tty_run() { script -qec "$*" /dev/null </dev/null | tr -d '\r'; }
	tty_run irm-report -f table "$IN" >"$TMP/c1"
	tty_run irm-report -f table --no-color "$IN" >"$TMP/c2"
	tty_run env NO_COLOR=1 irm-report -f table "$IN" >"$TMP/c3"
	tty_run irm-report -f csv "$IN" >"$TMP/c4"
	esc=$(printf '\033')
	echo "$(grep -c "^alr-[0-9a-f]*  ${esc}\[31mhigh${esc}\[0m " "$TMP/c1") $(grep -c "^alr-[0-9a-f]*  ${esc}\[33mmedium${esc}\[0m " "$TMP/c1") $(grep -c "^alr-[0-9a-f]*  low " "$TMP/c1") $(cat "$TMP/c2" "$TMP/c3" "$TMP/c4" | grep -c "$esc")" >"$TMP/got"
	echo "1 1 1 0" >"$TMP/want"
	check_same "terminal: high red, medium yellow, low plain; none with --no-color, NO_COLOR or csv" "$TMP/got" "$TMP/want"
else
	ok "terminal colours # SKIP script(1) missing"
fi

# Document formats list each alert once, in its final state.
irm-report -f csv "$IN" "$IN" | cmp -s - "$GOLD/formats.csv"
check "csv: a replayed input lists the same alerts once" test $? = 0

# No insights: a document with no rows.
{
	irm-report -f csv </dev/null
	irm-report -f table </dev/null
	irm-report -f html </dev/null | grep -c '<section'
} >"$TMP/got" 2>&1
{
	printf 'id,status,severity,score,user,policy,first_seen,last_seen,count,risk_factors,top,episode,case\r\n'
	echo 'ID  SEVERITY  SCORE  STATUS  USER  POLICY  LAST_SEEN  COUNT  TOP'
	echo 0
} >"$TMP/want"
check_same "no insights: the csv header, the table header, an html page without sections" "$TMP/got" "$TMP/want"
