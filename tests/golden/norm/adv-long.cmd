# A 100,000-character file name and user: written whole, JSON-escaped,
# nothing cut or rejected (the default line cap is 16 MiB).
name=$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf "%c", 97 + i % 26 }')
printf '{"CreationTime":"2026-03-04T09:00:00","Id":"l1","Operation":"FileDownloaded","Workload":"SharePoint","UserId":"%s@contoso.com","SourceFileName":"%s.docx","ObjectId":"https://contoso.sharepoint.com/x/%s.docx"}\n' \
    "$name" "$name" "$name" >"$T/in.jsonl"
irm-norm "$T/in.jsonl" >"$T/out"
rc=$?
echo "lines $(wc -l <"$T/out")"
echo "user $(jq -r '.user.name | length' "$T/out")"
echo "file $(jq -r '.file.name | length' "$T/out")"
exit $rc
