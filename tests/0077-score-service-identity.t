#!/bin/sh
# Service identities are not people (irm-score(1) DESCRIPTION): the
# events of SharePoint's app and system accounts, Windows' local service
# accounts, the DLP and alert engines and applications' service
# principals are not counted for any user.  Before, app@sharepoint's
# crawls and S-1-5-18's mailbox work were scored as if two colleagues
# did them, and an analyst got their insights.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 5

# 20 people download a file a day for 40 days; so does each identity
# given.  On 2026-03-14 each identity downloads 200 files and copies
# 200 to USB media.
tenant() {
	awk -v who="$1" 'BEGIN {
		n = split(who, ids, "|")
		for (d = 0; d < 40; d++) {
			day = strftime("%Y-%m-%d", 1769990400 + d * 86400, 1)
			for (u = 0; u < 20; u++)
				ev(day, 10, 0, "p" u "@contoso.com", "file_downloaded")
			for (i = 1; i <= n; i++)
				ev(day, 10, 0, ids[i], "file_downloaded")
		}
		for (i = 1; i <= n; i++)
			for (k = 0; k < 200; k++) {
				ev("2026-03-14", 11, k, ids[i], "file_downloaded")
				ev("2026-03-14", 12, k, ids[i], "usb_copied")
			}
	}
	function ev(day, h, k, id, act,    q) {
		q = id
		gsub(/\\/, "&&", q)
		printf "{\"@timestamp\":\"%sT%02d:%02d:%02d.000Z\",\"event\":{\"id\":\"%s-%s-%s-%d\",\"action\":\"x\"},\"user\":{\"name\":\"%s\"},\"irm\":{\"activity\":\"%s\"},\"file\":{\"name\":\"f%d.docx\"},\"url\":{\"domain\":\"contoso.sharepoint.com\"}}\n",
		    day, h, int(k / 60), k % 60, q, act, day, k, q, act, k
	}' | sort
}
# Every user in scope, and every insight written.
printf '{"name": "t", "template": "data_leaks", "triggers": [], "alert": {"min_score": 1}}\n' >"$TMP/p.json"
users() {
	irm-score --final -p "$TMP/p.json" "$1" 2>>"$TMP/err" |
	    jq -r '.user.name' | sort -u
}

# 1. The two identities met most often in Microsoft 365 exports.
tenant 'app@sharepoint|S-1-5-18' >"$TMP/a.jsonl"
users "$TMP/a.jsonl" >"$TMP/got"
check_same "app@sharepoint and S-1-5-18 are not scored" "$TMP/got" /dev/null

# 2. The rest of the list, in any case.
tenant 'SHAREPOINT\system|NT AUTHORITY\SYSTEM (Microsoft.Exchange.ServiceHost)|ServicePrincipal_0b3f|dlpagent|SecurityComplianceAlerts|s-1-5-19|S-1-5-20' >"$TMP/b.jsonl"
users "$TMP/b.jsonl" >"$TMP/got"
check_same "... nor the other service identities" "$TMP/got" /dev/null

# 3. A person's domain SID, and names that only look alike, are people.
tenant 'S-1-5-21-3422892061-1135328251-2670905592-1104|app@sharepoint.contoso.com|sharepoint@contoso.com' >"$TMP/c.jsonl"
users "$TMP/c.jsonl" >"$TMP/got"
printf '%s\n' app@sharepoint.contoso.com s-1-5-21-3422892061-1135328251-2670905592-1104 sharepoint@contoso.com >"$TMP/want"
check_same "people whose names look alike are scored" "$TMP/got" "$TMP/want"

# 4. A person doing what app@sharepoint did is scored.
tenant 'zed@contoso.com' >"$TMP/d.jsonl"
users "$TMP/d.jsonl" >"$TMP/got"
echo zed@contoso.com >"$TMP/want"
check_same "... and so is a person doing the same" "$TMP/got" "$TMP/want"
check_same "nothing on stderr" "$TMP/err" /dev/null
done_testing
