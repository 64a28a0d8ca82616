#!/bin/sh
# irm-score's corroboration (irm-score(1) SCORING): one ordinary file to
# an unallowed domain is the user's business as often as not.  It does
# not make a busy day of mail to customers new for the user, and a DLP
# match of the organization's own mail to a customer does not make it a
# signal.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 8

# As irm-gen's data-leaks policy: one mail with attachments outside is no
# exfiltration trigger.
printf '{"name": "leaks", "template": "data_leaks", "indicators": {"email_external_attachments": {"thresholds": [3, 15, 40]}}}\n' >"$TMP/leaks.json"
printf '{"domains": {"internal": ["contoso.com"], "unallowed": ["gmail.com"]}}\n' >"$TMP/settings.json"
# tenant HOME DLP: kim@ mails a file to two customers on each weekday
# from 2026-02-02 to 03-13, and on Tuesday 03-17 she mails 8, HOME of
# them to her own Gmail, the rest to customers.  With DLP set, she mails
# customers up to 02-13 only, a high DLP match of her mail to the
# address DLP (- for none named) comes on Monday 03-16, and her next
# mail, on Thursday 04-02, goes to her Gmail.
tenant() {
	awk -v home="$1" -v dlp="$2" 'BEGIN {
		for (d = 0; d < (dlp == "" ? 40 : 12); d++) {
			t = 1769990400 + d * 86400
			if (strftime("%u", t, 1) > 5)
				continue
			day = strftime("%Y-%m-%d", t, 1)
			for (k = 0; k < 2; k++)
				mail(day, 14, k, "c" k "@fabrikam.com")
		}
		if (dlp == "") {
			for (k = 0; k < 8; k++)
				mail("2026-03-17", 14, k, k < home ? "kim.home@gmail.com" : "c" k "@fabrikam.com")
			exit
		}
		printf "{\"@timestamp\":\"2026-03-16T09:00:00.000Z\",\"event\":{\"id\":\"dlp\",\"action\":\"x\"},\"user\":{\"name\":\"kim@contoso.com\"},\"irm\":{\"activity\":\"dlp_matched\",\"severity\":\"high\"}%s}\n",
		    dlp == "-" ? "" : ",\"email\":{\"to\":{\"address\":[\"" dlp "\"]}}"
		mail("2026-04-02", 14, 0, "kim.home@gmail.com")
	}
	function mail(day, h, k, to) {
		printf "{\"@timestamp\":\"%sT%02d:%02d:00.000Z\",\"event\":{\"id\":\"m-%s-%d\",\"action\":\"x\"},\"user\":{\"name\":\"kim@contoso.com\"},\"irm\":{\"activity\":\"email_sent\",\"attachments\":1},\"email\":{\"to\":{\"address\":[\"%s\"]}}}\n",
		    day, h, k, day, k, to
	}' | sort
}
# insights FILE: kim@'s insights: day, indicator, score, and whether
# uncorroborated.
insights() {
	irm-score -s "$TMP/settings.json" -p "${2:-$TMP/leaks.json}" --final "$1" 2>>"$TMP/err" |
	    jq -r 'select(.irm.insight == "indicator") | [.irm.day, .irm.indicator, .irm.score,
	        (if any(.irm.factors[]; .name == "uncorroborated") then "uncorroborated" else "-" end)] | join(" ")'
}

# 1. One of the 8 to Gmail: the day is busy (unusual) and has an
#    unallowed domain, but the destination's newness is one file's, not
#    the count's: uncorroborated, 20 x 1.5 x 1.25 x 0.5 = 19, under
#    min_score (38, medium, before: irm-gen -u 200 -d 60 -s 1 --personal
#    10 -z America/Los_Angeles, a salesperson's busy day of mail to
#    customers and one mail home, the one false alert of the tenant).
tenant 1 "" >"$TMP/one.jsonl"
insights "$TMP/one.jsonl" >"$TMP/got"
check_same "one file home on a busy day of mail to customers: no insight" "$TMP/got" /dev/null

# 2. Two of them to Gmail: a first destination taking two files points.
tenant 2 "" >"$TMP/two.jsonl"
insights "$TMP/two.jsonl" >"$TMP/got"
cat >"$TMP/want" <<'OUT'
2026-03-17 email_external_attachments 38 -
2026-03-17 email_personal_domain 38 -
2026-03-17 email_self 38 -
OUT
check_same "... two files home: insights" "$TMP/got" "$TMP/want"

# 3. After a high DLP match of her mail to a customer, her one mail home
#    a month later is not corroborated by the match (38, medium, before:
#    irm-gen -u 1000 -d 60 -s 1 --personal 10, a corporate counsel's one
#    mail home on two days, three and four weeks after such a match).
tenant 0 c0@fabrikam.com >"$TMP/dlp.jsonl"
insights "$TMP/dlp.jsonl" | grep 2026-04-02 >"$TMP/got"
check_same "after a DLP match of mail to a customer, one file home: no insight" "$TMP/got" /dev/null

# 4. A match that names no recipient is no mail to a customer: the
#    trigger still corroborates her mail home, 25 x 1.5 = 38.
tenant 0 - >"$TMP/dlpn.jsonl"
insights "$TMP/dlpn.jsonl" | grep 2026-04-02 >"$TMP/got"
cat >"$TMP/want" <<'OUT'
2026-04-02 email_personal_domain 38 -
2026-04-02 email_self 38 -
OUT
check_same "... after a DLP match naming no recipient: insights" "$TMP/got" "$TMP/want"
# hr EVENT DATE EXTRA: the tenant of 3 and 4 with the HR event on DATE
# in place of the DLP match.
hr() {
	{
		tenant 0 - | grep -v '"id":"dlp"'
		ev "${2}T08:00:00.000Z" hr kim@contoso.com "$1" "$3"
	} | sort
}
printf '{"name": "reviewed", "template": "data_leaks_risky_users"}\n' >"$TMP/reviewed.json"
printf '{"name": "departing", "template": "data_theft_departing"}\n' >"$TMP/departing.json"

# 5. After a poor review, one file home is what she did anyway: the
#    stressor does not corroborate it, as it does not make it point in
#    user risk (38, medium, before: irm-gen -u 1000 -d 60 -s 2 --personal
#    10, a marketing manager's one mail home 19 days after a poor review).
hr hr_review 2026-03-16 ',"hr":{"rating":"2 - below expectations"}' >"$TMP/review.jsonl"
insights "$TMP/review.jsonl" "$TMP/reviewed.json" | grep 2026-04-02 >"$TMP/got"
check_same "after a poor review, one file home: no insight" "$TMP/got" /dev/null

# 6. One file home weeks before a resignation is not corroborated by it,
#    as it does not point in user risk (38, medium, before: irm-gen -u 1000
#    -d 60 -s 2 --personal 10, an engineer's one mail home 39 days before
#    he resigned).
resign() { # DAY
	hr hr_resignation "$1" ',"hr":{"resignation_date":"'"$1"'T00:00:00.000Z","last_working_date":"2026-04-30T00:00:00.000Z"}'
}
resign 2026-04-20 >"$TMP/before.jsonl"
insights "$TMP/before.jsonl" "$TMP/departing.json" | grep 2026-04-02 >"$TMP/got"
check_same "one file home before a resignation: no insight" "$TMP/got" /dev/null

# 7. After the resignation it is: 25 x 1.5 = 38.
resign 2026-03-16 >"$TMP/after.jsonl"
insights "$TMP/after.jsonl" "$TMP/departing.json" | grep 2026-04-02 | grep -v email_external >"$TMP/got"
cat >"$TMP/want" <<'OUT'
2026-04-02 email_personal_domain 38 -
2026-04-02 email_self 38 -
OUT
check_same "... after it: insights" "$TMP/got" "$TMP/want"
check_same "nothing on stderr" "$TMP/err" /dev/null
done_testing
