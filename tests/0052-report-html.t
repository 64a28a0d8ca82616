#!/bin/sh
# irm-report -f html in a real browser: the example pipeline's report is
# rendered by headless Chromium (a screenshot that is not a blank page)
# and parsed (--dump-dom: one SVG timeline per alert, a mark per insight,
# the trigger lines, escaped names kept as text).  Skipped without
# chromium.
. "$(dirname "$0")/lib.sh"
command -v chromium >/dev/null 2>&1 || skip_all "chromium missing"
plan 8

EX=$TOP/examples
# browser ARGS...: headless Chromium with a throw-away profile.
browser() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --user-data-dir="$TMP/profile" "$@" 2>/dev/null
}

irm-norm "$EX"/tenant/* | sort |
    irm-score -s "$EX/settings.json" -p "$EX/policies" >"$TMP/ins.jsonl"
irm-report -f html "$TMP/ins.jsonl" >"$TMP/report.html"
irm-report "$TMP/ins.jsonl" | jq -r '.event.id' | sort -u | wc -l | tr -d ' ' >"$TMP/nalerts"
irm-report "$TMP/ins.jsonl" | jq -r '.irm.alert.insights[]' | sort -u | wc -l | tr -d ' ' >"$TMP/nins"

grep -ciE 'https?://' "$TMP/report.html" >"$TMP/got"
echo 0 >"$TMP/want"
check_same "the page names no http or https address" "$TMP/got" "$TMP/want"

browser --screenshot="$TMP/shot.png" --window-size=1200,2000 "file://$TMP/report.html" >/dev/null
printf '<!DOCTYPE html><html><body></body></html>\n' >"$TMP/blank.html"
browser --screenshot="$TMP/blank.png" --window-size=1200,2000 "file://$TMP/blank.html" >/dev/null
check "a PNG screenshot is written" sh -c "head -c 8 '$TMP/shot.png' | od -An -c | grep -q 'P   N   G'"
size=$(wc -c <"$TMP/shot.png" 2>/dev/null || echo 0)
blank=$(wc -c <"$TMP/blank.png" 2>/dev/null || echo 0)
check "the screenshot is not a blank page ($size bytes, blank $blank)" \
    test "$size" -gt 50000 -a "$size" -gt $((blank * 5))

browser --dump-dom "file://$TMP/report.html" >"$TMP/dom.html"
grep -o '<svg class="timeline"' "$TMP/dom.html" | wc -l | tr -d ' ' >"$TMP/got"
check_same "one SVG timeline per alert ($(cat "$TMP/nalerts"))" "$TMP/got" "$TMP/nalerts"
grep -o '<g class="mark">' "$TMP/dom.html" | wc -l | tr -d ' ' >"$TMP/got"
check_same "one mark per insight ($(cat "$TMP/nins"))" "$TMP/got" "$TMP/nins"
check "the triggers are marked" grep -q '<line class="trigger"' "$TMP/dom.html"

# Markup in a user or indicator survives parsing as text.
printf '%s\n' '{"@timestamp":"2026-03-02T00:00:00.000Z","event":{"id":"x1"},"user":{"name":"<script>alert(1)</script>"},"rule":{"name":"p"},"irm":{"insight":"indicator","indicator":"<b>bold</b>","count":1,"score":80,"trigger":{"activity":"<i>t</i>","@timestamp":"2026-03-01T00:00:00Z"}}}' |
    irm-report -f html >"$TMP/evil.html"
browser --dump-dom "file://$TMP/evil.html" >"$TMP/evil.dom"
grep -ciE '<script|<b>bold|<i>t<' "$TMP/evil.dom" >"$TMP/got"
echo 0 >"$TMP/want"
check_same "no element comes from the data" "$TMP/got" "$TMP/want"
check "the names are there as text" sh -c "grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' '$TMP/evil.dom' &&
    grep -q '&lt;b&gt;bold&lt;/b&gt;' '$TMP/evil.dom' && grep -q 'trigger: &lt;i&gt;t&lt;/i&gt;' '$TMP/evil.dom'"
done_testing
