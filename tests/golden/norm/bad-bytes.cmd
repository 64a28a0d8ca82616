# Invalid UTF-8, a NUL byte and a line over --max-line, between good lines.
good='{"CreationTime":"2026-03-04T09:00:00","Id":"g1","Operation":"FileAccessed","UserId":"a@contoso.com"}'
{
	echo "$good"
	printf '{"CreationTime":"2026-03-04T09:00:00","Id":"u1","Operation":"FileAccessed","UserId":"\377@contoso.com"}\n'
	printf '{"CreationTime":"2026-03-04T09:00:00","Id":"n1",\000"Operation":"FileAccessed","UserId":"a@contoso.com"}\n'
	printf '{"Id":"long","x":"%02000d"}\n' 0
	echo "$good" | sed 's/g1/g2/'
} >"$T/in.jsonl"
cd "$T" && irm-norm --max-line 1K --reject rej in.jsonl
rc=$?
echo "--- rejects: $(wc -l <rej) lines, $(wc -c <rej) bytes"
exit $rc
