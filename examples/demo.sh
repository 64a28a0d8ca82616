#!/bin/sh
# demo.sh - the irm pipeline on the example tenant, as `make demo` runs it:
# from the top of the tree, with the binaries on PATH: irm-norm and a
# summary of its events, irm-score and its insights, irm-report and its
# alerts in a store, irm-case triaging them, and an html report written
# to $IRM_DEMO_HTML (default irm-report.html).  Each new binary adds its
# stage.  Only POSIX tools, so the demo needs nothing beyond the build.
set -u
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 3
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM

# count: "N  value" per distinct input line, most frequent first, ties by
# value, so the output never depends on the input order.
count() {
	sort | uniq -c | sort -k1,1nr -k2,2 |
	    awk '{ printf "%7d  %s\n", $1, $2 }'
}

echo "== irm-norm examples/tenant/*"
irm-norm examples/tenant/* >"$tmp/events"
rc=$?
if [ "$rc" != 0 ]; then
	echo "demo: irm-norm failed (exit $rc)" >&2
	exit "$rc"
fi
# irm-norm writes keys in a fixed order, so sed can pick fields out.  The
# source is event.provider (the O365 workload), else event.module.
sed -n 's/.*"irm":{"activity":"\([^"]*\)".*/\1/p' "$tmp/events" \
    >"$tmp/activity"
sed -n 's/.*"user":{"name":"\([^"]*\)".*/\1/p' "$tmp/events" >"$tmp/user"
sed -n 's/.*"provider":"\([^"]*\)".*/\1/p;t
    s/.*"module":"\([^"]*\)".*/\1/p' "$tmp/events" >"$tmp/source"
sed 's/^{"@timestamp":"\([^T]*\)T.*/\1/' "$tmp/events" | sort >"$tmp/days"
n=$(wc -l <"$tmp/events")
users=$(sort -u "$tmp/user" | wc -l)
echo "$((n)) events, $((users)) users, $(sed -n 1p "$tmp/days") to" \
    "$(sed -n '$p' "$tmp/days")"
echo
echo "Events per source:"
count <"$tmp/source"
echo
echo "Events per activity:"
count <"$tmp/activity"
echo
echo "Events per user (top 10):"
count <"$tmp/user" | head -n 10

echo
echo "== irm-score -s examples/settings.json -p examples/policies"
sort "$tmp/events" |
    irm-score -s examples/settings.json -p examples/policies >"$tmp/insights"
rc=$?
if [ "$rc" != 0 ]; then
	echo "demo: irm-score failed (exit $rc)" >&2
	exit "$rc"
fi
echo "$(wc -l <"$tmp/insights" | tr -d ' ') insights (day, user, policy," \
    "what, score, severity):"
# Insight keys come in a fixed order too (irm-insight(5)).
sed -n 's/.*"user":{"name":"\([^"]*\)"},"rule":{"name":"\([^"]*\)".*"insight":"\([^"]*\)",\("indicator":"\([^"]*\)",\)\{0,1\}"day":"\([^"]*\)".*"score":\([0-9]*\),"severity":"\([a-z]*\)".*/\6  \1  \2  \3 \5  \7 \8/p' \
    "$tmp/insights" | sort | awk '{ printf "  %s\n", $0 }'

echo
echo "== irm-report -S store --fail-on high"
irm-report -S "$tmp/store" --fail-on high "$tmp/insights" >"$tmp/alerts" \
    2>"$tmp/gate"
rc=$?
# The last record of each alert is its state; keys in irm-alert order.
sed -n 's/.*"id":"\(alr-[^"]*\)".*"user":{"name":"\([^"]*\)"},"rule":{"name":"\([^"]*\)".*"score":\([0-9]*\),"severity":"\([a-z]*\)".*"count":\([0-9]*\),.*/\1 \2 \3 \4 \5 \6/p' \
    "$tmp/alerts" | awk '{ last[$1] = $0 } END { for (k in last) print last[k] }' |
    sort -k4,4nr -k2,2 -k3,3 |
    awk '{ printf "  %-6s %3d  %s  %s  (%d insights)\n", $5, $4, $2, $3, $6 }'
case $rc in
4)
	echo "exit 4: an alert at or above high: a CI gate would fail here;"
	echo "the alerts that failed it, on the standard error:"
	sed 's/^/  /' "$tmp/gate"
	;;
0) echo "exit 0: no alert at or above high" ;;
*)
	cat "$tmp/gate" >&2
	echo "demo: irm-report failed (exit $rc)" >&2
	exit "$rc"
	;;
esac

# Analysts' actions carry who and when: a fixed time keeps the output
# the same from run to run.
SOURCE_DATE_EPOCH=1775044800 # 2026-04-01T12:00:00Z
NO_COLOR=1
export SOURCE_DATE_EPOCH NO_COLOR
echo
echo "== irm-case list -f table"
irm-case -S "$tmp/store" list -f table
top=$(irm-case -S "$tmp/store" list --severity high |
    sed -n '1s/.*"id":"\(alr-[^"]*\)".*/\1/p')
low=$(irm-case -S "$tmp/store" list --user megan.bowen@contoso.com |
    sed -n '1s/.*"id":"\(alr-[^"]*\)".*/\1/p')
echo
echo "== irm-case: confirm the top alert, dismiss one, note, resolve"
irm-case -S "$tmp/store" -b analyst confirm --new-case "Departing seller" "$top" >/dev/null &&
    irm-case -S "$tmp/store" -b analyst dismiss --reason "personal mail, cleared" "$low" &&
    irm-case -S "$tmp/store" -b analyst note case-1 "HR and legal informed" &&
    irm-case -S "$tmp/store" -b lead resolve --action "access revoked" case-1 violation ||
    { echo "demo: irm-case failed" >&2; exit 3; }
# Each note names the analyst (-b) and the Unix user who ran irm-case,
# whoever runs this demo: shown as "you" so the output is the same for all.
me=$(id -un 2>/dev/null || echo "uid:$(id -u)")
irm-case -S "$tmp/store" show case-1 >"$tmp/show" ||
    { echo "demo: irm-case show failed" >&2; exit 3; }
sed "s/ ($me)/ (you)/" "$tmp/show"
irm-case -S "$tmp/store" verify >/dev/null &&
    echo "irm-case verify: the journal's hash chain is intact"

html=${IRM_DEMO_HTML:-irm-report.html}
echo
echo "== irm-report -f html"
irm-report -f html --events "$tmp/events" "$tmp/insights" >"$html" ||
    { echo "demo: irm-report -f html failed" >&2; exit 3; }
echo "wrote ${html##*/} with $(grep -c "<svg" "$html") activity timelines: open it in a browser"
exit 0
