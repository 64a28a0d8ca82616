#!/bin/sh
# irm-report -f html in headless Chromium (issue 17, point 5): the page
# has a section per user with the user's alerts across policies and the
# timeline of the events behind them, and its filters (severity, status,
# policy, user) and sorting work offline without a script of the page's
# own.  Each state is set in a copy of the page (a box unchecked, an
# option selected, a radio button checked); a probe script added to the
# copy writes what the browser shows, in the order shown, into the DOM
# that --dump-dom prints.  Skipped without chromium, and in the sanitizer
# tree: there the browser's time is the cost (27 s of make check on 2
# busy cores) and 0052 runs the same irm-report -f html code.
. "$(dirname "$0")/lib.sh"
command -v chromium >/dev/null 2>&1 || skip_all "chromium missing"
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer tree" ;; esac
plan 16

browser() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --user-data-dir="$TMP/profile" "$@" 2>/dev/null
}

# ins ID DAY USER POLICY INDICATOR SCORE EVENT-ID...
ins() {
	_id=$1 _day=$2 _u=$3 _p=$4 _ind=$5 _s=$6
	shift 6
	_ids=$(printf '"%s",' "$@" | sed 's/,$//')
	printf '{"@timestamp":"%sT00:00:00.000Z","event":{"id":"%s"},"user":{"name":"%s"},"rule":{"name":"%s"},"irm":{"insight":"indicator","indicator":"%s","day":"%s","count":%d,"score":%d,"evidence":{"count":%d,"ids":[%s]}}}\n' \
	    "$_day" "$_id" "$_u" "$_p" "$_ind" "$_day" $# "$_s" $# "$_ids"
}
# ev ID TIME USER ACTIVITY FILE IP HOST
ev() {
	printf '{"@timestamp":"%s","event":{"id":"%s"},"user":{"name":"%s"},"irm":{"activity":"%s"},"file":{"name":"%s"},"source":{"ip":"%s"},"host":{"name":"%s"}}\n' \
	    "$2" "$1" "$3" "$4" "$5" "$6" "$7"
}
{
	ins i1 2026-03-02 ann@contoso.com leaks usb_copy 90 e1 e2
	ins i2 2026-03-03 ann@contoso.com departing cloud_upload 50 e3
	ins i3 2026-03-04 bob@contoso.com leaks print 20 e4
	ins i4 2026-03-05 cy@contoso.com departing usb_copy 70 e5
} >"$TMP/ins.jsonl"
{
	ev e3 2026-03-03T09:15:00Z ann@contoso.com cloud_uploaded Plan.docx 198.51.100.3 LT-ANN
	ev e0 2026-03-01T08:00:00Z ann@contoso.com file_read Other.txt 198.51.100.9 LT-ANN
	ev e1 2026-03-02T23:10:05Z ann@contoso.com usb_copied Keys.xlsx 203.0.113.7 LT-ANN
	ev e2 2026-03-02T23:11:00Z ann@contoso.com usb_copied Price.xlsx 203.0.113.7 LT-ANN
	ev e4 2026-03-04T12:00:00Z bob@contoso.com printed Salaries.pdf 192.0.2.4 PRN-1
	ev e5 2026-03-05T07:30:00Z cy@contoso.com usb_copied Design.cad 192.0.2.5 LT-CY
} >"$TMP/events.jsonl"
irm-report -f html --events "$TMP/events.jsonl" "$TMP/ins.jsonl" \
    >"$TMP/page.html"

# probe FILE: the copy FILE.probe.html with the probe, rendered.
probe() {
	sed 's|</body>|<script>\
function shown(e) { return e.offsetParent !== null; }\
var q = [], u = [], a = [];\
document.querySelectorAll("table.queue tbody tr").forEach(function (r) {\
	if (shown(r.cells[0])) q.push([r.cells[0].getBoundingClientRect().top,\
	    r.cells[3].textContent + "/" + r.cells[4].textContent]); });\
q.sort(function (x, y) { return x[0] - y[0]; });\
document.querySelectorAll("section.user").forEach(function (s) {\
	if (shown(s)) u.push(s.querySelector("h2").textContent); });\
document.querySelectorAll("section.alert").forEach(function (s) {\
	if (shown(s)) a.push(s.id); });\
var p = document.createElement("pre"); p.id = "probe";\
p.textContent = "Q " + q.map(function (x) { return x[1]; }).join(" ") +\
    "\\nU " + u.join(" ") + "\\nA " + a.length;\
document.body.appendChild(p);\
</script></body>|' "$1" >"$1.probe.html"
	browser --dump-dom "file://$1.probe.html" |
	    sed -n '/<pre id="probe">/,/<\/pre>/p' |
	    sed 's/.*<pre id="probe">//; s/<\/pre>.*//'
}
A=ann@contoso.com B=bob@contoso.com C=cy@contoso.com

browser --screenshot="$TMP/shot.png" --window-size=1200,1800 "file://$TMP/page.html" >/dev/null
printf '<!DOCTYPE html><html><body></body></html>\n' >"$TMP/blank.html"
browser --screenshot="$TMP/blank.png" --window-size=1200,1800 "file://$TMP/blank.html" >/dev/null
size=$(wc -c <"$TMP/shot.png" 2>/dev/null || echo 0)
blank=$(wc -c <"$TMP/blank.png" 2>/dev/null || echo 0)
check "a screenshot that is not a blank page ($size bytes, blank $blank)" \
    test "$size" -gt 30000 -a "$size" -gt $((blank * 5))

check "no script of the page's own" sh -c "! grep -qi '<script' '$TMP/page.html'"

# The DOM: a section per user, the user's alerts and events.
browser --dump-dom "file://$TMP/page.html" >"$TMP/dom.html"
grep -o '<section class="user[^"]*" id="user-[0-9]*">' "$TMP/dom.html" | wc -l | tr -d ' ' >"$TMP/got"
echo 3 >"$TMP/want"
check_same "one section per user" "$TMP/got" "$TMP/want"
sed -n '/id="user-0"/,/<\/section>/p' "$TMP/dom.html" >"$TMP/ann"
check "ann's section: her alerts of both policies" sh -c \
    "grep -q '>leaks</a>' '$TMP/ann' && grep -q '>departing</a>' '$TMP/ann'"
grep -o '<time datetime="[^"]*">[^<]*</time></td><td>[a-z_]*</td><td>[^<]*' "$TMP/ann" |
    sed 's/<time datetime="[^"]*">//; s/<\/time><\/td><td>/ /; s/<\/td><td>/ /' >"$TMP/got"
cat >"$TMP/want" <<EOF
2026-03-02 23:10:05 usb_copied Keys.xlsx
2026-03-02 23:11:00 usb_copied Price.xlsx
2026-03-03 09:15:00 cloud_uploaded Plan.docx
EOF
check_same "ann's timeline: the events of both alerts in time order, dates and times" "$TMP/got" "$TMP/want"
check "ann's timeline: an event of no alert is not in it" sh -c "! grep -q Other.txt '$TMP/ann'"
check "ann's timeline: IP and device" sh -c \
    "grep -q '<td>203.0.113.7</td><td>LT-ANN</td>' '$TMP/ann'"
check "days on the SVG axis are dates" grep -q '>2026-03-02</text>' "$TMP/dom.html"

# As shown: everything, in queue order.
probe "$TMP/page.html" >"$TMP/got"
printf 'Q %s/leaks %s/departing %s/departing %s/leaks\nU %s %s %s\nA 4\n' \
    $A $C $A $B "User $A" "User $B" "User $C" >"$TMP/want"
check_same "shown by default: every alert in queue order, every user" "$TMP/got" "$TMP/want"

sed 's/id="fs-high" checked/id="fs-high"/' "$TMP/page.html" >"$TMP/f1.html"
probe "$TMP/f1.html" >"$TMP/got"
printf 'Q %s/departing %s/leaks\nU %s %s %s\nA 2\n' $A $B "User $A" "User $B" "User $C" >"$TMP/want"
check_same "severity: high unchecked hides the high alerts" "$TMP/got" "$TMP/want"

# Policy departing is p0, user bob u1 (sorted names).
sed '0,/<option value="" selected>/s//<option value="">/; s/<option value="p0">/<option value="p0" selected>/' \
    "$TMP/page.html" >"$TMP/f2.html"
probe "$TMP/f2.html" >"$TMP/got"
printf 'Q %s/departing %s/departing\nU %s %s %s\nA 2\n' $C $A "User $A" "User $B" "User $C" >"$TMP/want"
check_same "policy: departing shows its alerts only" "$TMP/got" "$TMP/want"

sed 's/<option value="" selected>all<\/option><option value="u0">/<option value="">all<\/option><option value="u0">/; s/<option value="u1">/<option value="u1" selected>/' \
    "$TMP/page.html" >"$TMP/f3.html"
probe "$TMP/f3.html" >"$TMP/got"
printf 'Q %s/leaks\nU %s\nA 1\n' $B "User $B" >"$TMP/want"
check_same "user: bob shows his alert and his section only" "$TMP/got" "$TMP/want"

sed 's/id="so-queue" checked/id="so-queue"/; s/id="so-user"/id="so-user" checked/' \
    "$TMP/page.html" >"$TMP/s1.html"
probe "$TMP/s1.html" >"$TMP/got"
printf 'Q %s/leaks %s/departing %s/leaks %s/departing\nU %s %s %s\nA 4\n' \
    $A $A $B $C "User $A" "User $B" "User $C" >"$TMP/want"
check_same "sort by user" "$TMP/got" "$TMP/want"

sed 's/id="so-queue" checked/id="so-queue"/; s/id="so-first"/id="so-first" checked/' \
    "$TMP/page.html" >"$TMP/s2.html"
probe "$TMP/s2.html" | head -1 >"$TMP/got"
printf 'Q %s/leaks %s/departing %s/leaks %s/departing\n' $A $A $B $C >"$TMP/want"
check_same "sort by first seen" "$TMP/got" "$TMP/want"

# Status, from a store where bob's alert is dismissed.
S=$TMP/store
irm-report -S "$S" "$TMP/ins.jsonl" >"$TMP/alerts"
BOB=$(jq -r "select(.user.name == \"$B\") | .event.id" "$TMP/alerts")
irm-case -S "$S" dismiss --reason "test" "$BOB" >/dev/null 2>&1
irm-case -S "$S" list -f html >"$TMP/store.html"
sed 's/id="ft-dismissed" checked/id="ft-dismissed"/' "$TMP/store.html" >"$TMP/t1.html"
probe "$TMP/t1.html" | head -1 >"$TMP/got"
printf 'Q %s/leaks %s/departing %s/departing\n' $A $C $A >"$TMP/want"
check_same "status: dismissed unchecked hides bob's dismissed alert" "$TMP/got" "$TMP/want"
sed 's/id="ft-needs_review" checked/id="ft-needs_review"/' "$TMP/store.html" >"$TMP/t2.html"
probe "$TMP/t2.html" | head -1 >"$TMP/got"
printf 'Q %s/leaks\n' $B >"$TMP/want"
check_same "status: needs_review unchecked leaves the dismissed one" "$TMP/got" "$TMP/want"
done_testing
