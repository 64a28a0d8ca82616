#!/bin/sh
# User risk (irm-score(1) SCORING): a count's first events to an
# unallowed domain in 60 days are new for the user, though the indicator
# counted before.  irm-gen -u 200 -d 60 -s 41's thin-multichannel
# leaver, scored with the default templates and her HR rows, resigned,
# then copied 2 and 3 files to USB media and uploaded 1, 2 and 2 to
# Dropbox, her first uploads there; she had uploaded to Box before, so
# the uploads were no part, and she had no alert for a medium scenario.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 6

# 22 colleagues print a file (or do PEERS, to Box) on each weekday from
# 2026-02-02 (52 days); bob@ downloads two files a day from SharePoint
# and uploads one to BOX (a domain; none when empty) on Mondays, resigns on 2026-03-16, copies 2 files to USB
# media on 03-17, then uploads 2 files a day to UP on 03-18 and 03-19.
tenant() {
	awk -v box="$1" -v up="$2" -v peers="${3:-printed}" "$AWK_EV"'BEGIN {
		for (d = 0; d < 52; d++) {
			t = 1769990400 + d * 86400
			wd = strftime("%u", t, 1)
			if (wd > 5)
				continue
			day = strftime("%Y-%m-%d", t, 1)
			for (u = 0; u < 22; u++)
				ev(day, 10, 0, "p" u, peers, url("app.box.com"))
			for (k = 0; k < 2; k++)
				ev(day, 9, k, "bob", "file_downloaded",
				    ",\"url\":{\"domain\":\"contoso.sharepoint.com\"}")
			if (box != "" && wd == 1 && day < "2026-03-16")
				ev(day, 11, 0, "bob", "cloud_uploaded", url(box))
		}
		printf "{\"@timestamp\":\"2026-03-16T08:00:00.000Z\",\"event\":{\"id\":\"hr-bob\",\"action\":\"x\"},\"user\":{\"name\":\"bob@contoso.com\"},\"irm\":{\"activity\":\"hr_resignation\",\"hr\":{\"resignation_date\":\"2026-03-16T00:00:00.000Z\",\"last_working_date\":\"2026-04-10T00:00:00.000Z\"}}}\n"
		for (k = 0; k < 2; k++)
			ev("2026-03-17", 11, k, "bob", "usb_copied", "")
		for (k = 0; k < 2; k++) {
			ev("2026-03-18", 11, k, "bob", "cloud_uploaded", url(up))
			ev("2026-03-19", 11, k, "bob", "cloud_uploaded", url(up))
		}
	}
	function url(d) {
		return ",\"url\":{\"domain\":\"" d "\"}"
	}' | sort
}
printf '{"name": "departing", "template": "data_theft_departing"}\n' >"$TMP/p.json"
printf '{"domains": {"internal": ["contoso.com", "*.sharepoint.com"], "unallowed": ["*.dropbox.com"], "third_party": ["*.box.com"]}}\n' >"$TMP/settings.json"
S="-s $TMP/settings.json -p $TMP/p.json"
# parts FILE: bob@'s last risk insight's day, score and parts.
parts() {
	risk_lines "$1" | tail -n 1
}

# 1. Box before, Dropbox after: the first uploads to an unallowed domain
#    are new, with the first USB copies two parts of two indicators:
#    (20 + 20) x 1.5 for the resignation = 60.
tenant app.box.com www.dropbox.com >"$TMP/a.jsonl"
parts "$TMP/a.jsonl" >"$TMP/got"
echo "2026-03-18 60 usb_copy new, cloud_upload new" >"$TMP/want"
check_same "first uploads to an unallowed domain are new" "$TMP/got" "$TMP/want"

# 2. Dropbox before and after: not new, no part, and the USB copies
#    alone make no risk.
tenant www.dropbox.com www.dropbox.com >"$TMP/b.jsonl"
parts "$TMP/b.jsonl" >"$TMP/got"
check_same "... not when the user uploaded there in the 60 days before" "$TMP/got" /dev/null

# 3. Box before and after: no unallowed domain, nothing new.
tenant app.box.com app.box.com >"$TMP/c.jsonl"
parts "$TMP/c.jsonl" >"$TMP/got"
check_same "... nor uploads to the domain used before" "$TMP/got" /dev/null

# 4. bob@ never uploaded, and all his colleagues upload to Box every
#    day: his first uploads are no new channel, but they go to a new,
#    unallowed destination, whatever the peers do.
tenant "" www.dropbox.com cloud_uploaded >"$TMP/d.jsonl"
parts "$TMP/d.jsonl" >"$TMP/got"
echo "2026-03-18 60 usb_copy new, cloud_upload new" >"$TMP/want"
check_same "... and so are they when the peers upload elsewhere" "$TMP/got" "$TMP/want"

# 5. The insight says which count was new: cloud_upload's part is
#    pointed (an unallowed domain) and dated 03-18, its first day.
# shellcheck disable=SC2086
irm-score $S "$TMP/a.jsonl" 2>>"$TMP/err" |
    jq -r 'select(.irm.insight == "risk") | .irm.parts[] |
        select(.indicator == "cloud_upload") | .day' | sort -u >"$TMP/got"
echo 2026-03-18 >"$TMP/want"
check_same "the part is the first day's" "$TMP/got" "$TMP/want"
check_same "nothing on stderr" "$TMP/err" /dev/null
done_testing
