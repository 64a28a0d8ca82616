#!/bin/sh
# irm-score's web_categories setting (irm-policy(5)): a visit to a domain
# the settings put in a risky category counts for browse_risky, as one
# whose event names the category; other categories and other domains do
# not; the event's own irm.category comes first; bad entries are linted.
# A known keylogger vendor's site counts when neither the event nor the
# settings give its domain a category.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 6

cat >"$TMP/settings.json" <<'JSON'
{
	"working_hours": {"zone": "UTC", "days": ["mon", "tue", "wed", "thu", "fri"],
	    "start": "07:00", "end": "19:00"},
	"web_categories": {
		"news": ["*.news.example"],
		"keylogger": ["*.keylogger.example", "spy.example"],
		"hacking": ["*.news.example"]
	}
}
JSON
printf '{"name": "browsing", "template": "risky_browsing", "alert": {"min_score": 1}}\n' >"$TMP/browsing.json"
# visit ID USER DOMAIN [CATEGORY]: a visit on Monday 2026-03-02 at 10:00.
visit() {
	cat_=
	[ -z "${4:-}" ] || cat_=',"category":"'$4'"'
	ev 2026-03-02T10:00:00.000Z "$1" "$2" web_visited "$cat_" \
	    ',"url":{"full":"https://'$3'/x","domain":"'$3'"}'
}
{
	visit a1 ann@contoso.com www.keylogger.example
	visit a2 ann@contoso.com spy.example
	visit b1 bob@contoso.com www.news.example
	visit c1 cyd@contoso.com keylogger.example
	visit d1 dee@contoso.com www.news.example Malware
	visit e1 eve@contoso.com www.keylogger.example News
} | sort >"$TMP/visits.jsonl"
irm-score -s "$TMP/settings.json" -p "$TMP/browsing.json" "$TMP/visits.jsonl" >"$TMP/out"
jq -r '[.user.name, .irm.indicator, .irm.count]|join(" ")' "$TMP/out" | sort >"$TMP/got"
cat >"$TMP/want" <<'OUT'
ann@contoso.com browse_risky 2
dee@contoso.com browse_risky 1
OUT
# bob's news site is news first (the first matching category), cyd's
# keylogger.example matches no pattern ("*." needs a level before it),
# eve's event says News.
check_same "visits to risky web categories by domain count, others do not" "$TMP/got" "$TMP/want"

# Without web_categories the same visits: only dee's, by its event.
printf '{"working_hours": {"zone": "UTC", "start": "07:00", "end": "19:00"}}\n' >"$TMP/plain.json"
irm-score -s "$TMP/plain.json" -p "$TMP/browsing.json" "$TMP/visits.jsonl" >"$TMP/out"
jq -r '[.user.name, .irm.indicator, .irm.count]|join(" ")' "$TMP/out" >"$TMP/got"
echo "dee@contoso.com browse_risky 1" >"$TMP/want"
check_same "without web_categories only the event's category counts" "$TMP/got" "$TMP/want"

# Keylogger vendors' sites without any web_categories: fay's two (a vendor
# and a name under another), not gil's look-alikes, not hal's, whose
# event says News.
{
	visit f1 fay@contoso.com www.spectorsoft.com
	visit f2 fay@contoso.com refog.com
	visit g1 gil@contoso.com notspectorsoft.com
	visit g2 gil@contoso.com spectorsoft.com.news.example
	visit h1 hal@contoso.com www.spyrix.com News
} | sort >"$TMP/vendors.jsonl"
irm-score -s "$TMP/plain.json" -p "$TMP/browsing.json" "$TMP/vendors.jsonl" >"$TMP/out"
jq -r '[.user.name, .irm.indicator, .irm.count]|join(" ")' "$TMP/out" >"$TMP/got"
echo "fay@contoso.com browse_risky 2" >"$TMP/want"
check_same "known keylogger vendors count without web_categories" "$TMP/got" "$TMP/want"

# The settings' category of a domain comes before the list: news here.
printf '{"web_categories": {"news": ["*.spectorsoft.com", "refog.com"]}}\n' >"$TMP/news.json"
irm-score -s "$TMP/news.json" -p "$TMP/browsing.json" "$TMP/vendors.jsonl" >"$TMP/out"
check "a vendor the settings call news does not count" test ! -s "$TMP/out"

printf '{\n "web_categories": {\n  "hacking": "x.example",\n  "malware": ["ok.example", "bad domain"]\n }\n}\n' >"$TMP/bad.json"
irm-score -s "$TMP/bad.json" -p "$TMP/browsing.json" --lint >"$TMP/out" 2>"$TMP/err"
echo "exit $?" >>"$TMP/err"
grep -c "web_categories" "$TMP/err" >"$TMP/got"
echo 2 >"$TMP/want"
check_same "--lint names both bad web_categories entries" "$TMP/got" "$TMP/want"
check "--lint on them exits 2" grep -qx "exit 2" "$TMP/err"
