#!/bin/sh
# User risk (irm-score(1) SCORING): a user's first count of an indicator
# that half of the peers have is not new, but it can be a rise over the
# user's own mean of nothing.  irm-gen -u 100 -d 60 -s 204's disgruntled
# user downgraded labels and shared with a personal account after a poor
# review (two new parts), then recycled 25 files at once, his first
# deletions in a tenant where most users delete: neither new nor a rise,
# two indicators, no risk insight and a medium alert (38) for a high
# scenario.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 4

# 22 colleagues print a file on each weekday from 2026-02-02 (59 days);
# bob@ downloads two files a day from SharePoint, gets a poor review on
# 2026-03-23, then copies 3 files to USB media (03-24), uploads 2 to
# Dropbox (03-25) and prints PRINTS files (03-26), his first of each.
tenant() {
	awk -v prints="$1" "$AWK_EV"'BEGIN {
		for (d = 0; d < 59; d++) {
			t = 1769990400 + d * 86400
			if (strftime("%u", t, 1) > 5)
				continue
			day = strftime("%Y-%m-%d", t, 1)
			for (u = 0; u < 22; u++)
				ev(day, 10, 0, "p" u, "printed", "")
			for (k = 0; k < 2; k++)
				ev(day, 9, k, "bob", "file_downloaded",
				    ",\"url\":{\"domain\":\"contoso.sharepoint.com\"}")
		}
		printf "{\"@timestamp\":\"2026-03-23T08:00:00.000Z\",\"event\":{\"id\":\"hr-bob\",\"action\":\"x\"},\"user\":{\"name\":\"bob@contoso.com\"},\"irm\":{\"activity\":\"hr_review\",\"hr\":{\"rating\":\"1 - below expectations\"}}}\n"
		for (k = 0; k < 3; k++)
			ev("2026-03-24", 11, k, "bob", "usb_copied", "")
		for (k = 0; k < 2; k++)
			ev("2026-03-25", 11, k, "bob", "cloud_uploaded",
			    ",\"url\":{\"domain\":\"www.dropbox.com\"}")
		for (k = 0; k < prints; k++)
			ev("2026-03-26", 11, k, "bob", "printed", "")
	}' | sort
}
printf '{"name": "risky", "template": "data_leaks_risky_users", "sequences": false}\n' >"$TMP/risky.json"
# Dropbox is unallowed: something points at the data (a data policy's
# risk needs it).
printf '{"domains": {"internal": ["contoso.com"], "unallowed": ["*.dropbox.com"]}}\n' >"$TMP/settings.json"
S="-s $TMP/settings.json -p $TMP/risky.json"
# risk FILE: the first risk insight's day, score and parts.
risk() {
	risk_lines "$1" | head -n 1
}

# 1. 12 prints, his first, against none before: at least max(5, 3 x 0),
#    a rise (10 points), with the USB copies and the uploads, each new
#    (20): 3 indicators, (20 + 20 + 10) x 1.5 = 75.
tenant 12 >"$TMP/ev.jsonl"
risk "$TMP/ev.jsonl" >"$TMP/got"
echo "2026-03-26 75 usb_copy new, cloud_upload new, print rise" >"$TMP/want"
check_same "a first count the peers share can be a rise" "$TMP/got" "$TMP/want"

# 2. Two prints are under unusual.min_daily (5): no rise, two indicators,
#    no risk insight.
tenant 2 >"$TMP/ev2.jsonl"
risk "$TMP/ev2.jsonl" >"$TMP/got"
check_same "... not one under unusual.min_daily" "$TMP/got" /dev/null

# 3. The peers' prints make bob@'s first one no new part, still.
# shellcheck disable=SC2086
irm-score $S "$TMP/ev.jsonl" >"$TMP/out" 2>>"$TMP/err"
jq -r 'select(.irm.insight == "risk") | .irm.parts[] |
    select(.indicator == "print") | .kind' "$TMP/out" | sort -u >"$TMP/got"
echo rise >"$TMP/want"
check_same "... and it is a rise, not new" "$TMP/got" "$TMP/want"
check_same "nothing on stderr" "$TMP/err" /dev/null
done_testing
