# A badge record has no id: its event id hashes the compact record, so the
# same swipe gets the same id as a JSON line, in an array and pretty-printed.
r='{"UserId":"sarad@contoso.com","AssetId":"Mid-Sec/7","EventTime":"2026-03-04T01:57:49","AccessStatus":"Failed"}'
echo "$r" >"$T/a.jsonl"
echo "[$r,$r]" >"$T/b.json"
printf '[\n  {\n    "UserId": "sarad@contoso.com",\n    "AssetId": "Mid-Sec/7",\n    "EventTime": "2026-03-04T01:57:49",\n    "AccessStatus": "Failed"\n  }\n]\n' >"$T/c.json"
irm-norm "$T/a.jsonl" "$T/b.json" "$T/c.json" | sed 's/.*"id":"\([^"]*\)".*/\1/' | uniq -c | sed 's/^ *//'
