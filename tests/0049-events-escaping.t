#!/bin/sh
# The events behind alerts carry strings from the logs: a red team puts
# markup in a file name, a device or an IP, and terminal escapes and bidi
# overrides in an activity.  irm-report -f html --events keeps them text
# (parsed by headless Chromium when it is there, and by grep), -f table
# and irm-case show --events keep escapes off the terminal, and an
# events file with a line that is not JSON is read on, said once.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null 2>&1 || skip_all "jq missing"
plan 12

printf '%s\n' '{"@timestamp":"2026-03-02T00:00:00.000Z","event":{"id":"i1"},"user":{"name":"eve@contoso.com"},"rule":{"name":"leaks"},"irm":{"insight":"indicator","indicator":"usb_copy","count":2,"score":80,"evidence":{"count":2,"ids":["e1","e2"]}}}' >"$TMP/ins.jsonl"
jq -n -c '
{"@timestamp":"2026-03-02T10:00:00Z","event":{"id":"e1"},
 "user":{"name":"eve@contoso.com"},
 "irm":{"activity":"usb_copied\u001b]8;;x\u0007\u001b[31mred\u202e"},
 "file":{"name":"<script>alert(1)</script>.xlsx"},
 "source":{"ip":"<b>203.0.113.9</b>"},
 "host":{"name":"<img src=x onerror=alert(2)>"}},
"not json {",
{"@timestamp":"2026-03-02T10:01:00Z","event":{"id":"e2"},
 "user":{"name":"eve@contoso.com"},"irm":{"activity":"email_sent"},
 "email":{"subject":"see https://evil.example/x","to":{"address":["<i>x</i>@evil.example"]}},
 "source":{"ip":"198.51.100.1"}}' |
    sed 's/^"not json {"$/not json {/' >"$TMP/events.jsonl"
ESC=$(printf '\033')

irm-report -f html --events "$TMP/events.jsonl" "$TMP/ins.jsonl" \
    >"$TMP/page.html" 2>"$TMP/err"
echo "rc $?" >>"$TMP/err"
check "a line that is not JSON: exit 0, said once" sh -c \
    "grep -q '^rc 0$' '$TMP/err' && [ \$(grep -c 'not JSON' '$TMP/err') = 1 ]"
grep -ciE '<script|<img|<b>203|<i>x|https?://' "$TMP/page.html" >"$TMP/got"
echo 0 >"$TMP/want"
check_same "html: no markup and no address from the events" "$TMP/got" "$TMP/want"
check "html: the file name is there as text" \
    grep -q '&lt;script&gt;alert(1)&lt;/script&gt;.xlsx' "$TMP/page.html"
check "html: device, IP and recipient as text" sh -c "
    grep -q '&lt;img src=x onerror=alert(2)&gt;' '$TMP/page.html' &&
    grep -q '&lt;b&gt;203.0.113.9&lt;/b&gt;' '$TMP/page.html' &&
    grep -q 'to &lt;i&gt;x&lt;/i&gt;@evil.example' '$TMP/page.html'"
check "html: no escape or bidi override" sh -c \
    "! grep -q \"\$(printf '\\033\\|\\342\\200\\256')\" '$TMP/page.html'"

if command -v chromium >/dev/null 2>&1; then
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --user-data-dir="$TMP/profile" --dump-dom \
	    "file://$TMP/page.html" >"$TMP/dom.html" 2>/dev/null
	grep -ciE '<script|<img|<b>203|<i>x' "$TMP/dom.html" >"$TMP/got"
	echo 0 >"$TMP/want"
	check_same "chromium: no element comes from the events" "$TMP/got" "$TMP/want"
	check "chromium: the names are text in the alert and the user view" sh -c \
	    "[ \$(grep -o '&lt;script&gt;alert(1)&lt;/script&gt;.xlsx' '$TMP/dom.html' | wc -l) = 2 ]"
else
	ok "chromium: no element # SKIP chromium missing"
	ok "chromium: text # SKIP chromium missing"
fi

irm-report -f table --events "$TMP/events.jsonl" "$TMP/ins.jsonl" \
    >"$TMP/table" 2>/dev/null
check "table: no escape byte" sh -c "! grep -q '$ESC' '$TMP/table'"
check "table: the event's visible text stays" \
    grep -q '^2026-03-02 10:00:00  usb_copiedred  <script>alert(1)</script>.xlsx  *<b>203.0.113.9</b>' "$TMP/table"

S=$TMP/store
irm-report -S "$S" "$TMP/ins.jsonl" >"$TMP/alerts"
ID=$(jq -r '.event.id' "$TMP/alerts")
irm-case -S "$S" show --events "$TMP/events.jsonl" "$ID" >"$TMP/show" 2>"$TMP/show.err"
check "irm-case show --events: no escape byte" sh -c "! grep -q '$ESC' '$TMP/show'"
check "irm-case show --events: the escapes shown as ?" \
    grep -qF 'event 2026-03-02 10:00:00  usb_copied?]8;;x??[31mred?  <script>alert(1)</script>.xlsx' "$TMP/show"
check "irm-case show --events: the not-JSON line said once" \
    test "$(grep -c 'not JSON' "$TMP/show.err")" = 1
done_testing
