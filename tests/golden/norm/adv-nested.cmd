# JSON nested deeper than json-c's limit, between good records: one clear
# message, the record rejected, the rest flows.
good='{"CreationTime":"2026-03-04T09:00:00","Id":"g1","Operation":"FileAccessed","UserId":"a@contoso.com"}'
deep=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "["; for (i = 0; i < 5000; i++) printf "]" }')
{
	echo "$good"
	printf '{"CreationTime":"2026-03-04T09:00:00","Id":"d1","Operation":"FileAccessed","UserId":"a@contoso.com","Extra":%s}\n' "$deep"
	echo "$good" | sed 's/g1/g2/'
} >"$T/in.jsonl"
cd "$T" && irm-norm --reject rej in.jsonl >out
rc=$?
jq -r .event.id out
echo "--- rejects: $(wc -l <rej) lines, $(wc -c <rej) bytes"
exit $rc
