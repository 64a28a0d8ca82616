# A 100,000-character file name: written whole, JSON-escaped, nothing cut
# (the default line cap is 16 MiB; insights cut it, irm-insight(5)).  A
# user that long is no account name: rejected, so no insight line grows
# with a name (irm-event(5)).
name=$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf "%c", 97 + i % 26 }')
printf '{"CreationTime":"2026-03-04T09:00:00","Id":"l1","Operation":"FileDownloaded","Workload":"SharePoint","UserId":"%s@contoso.com","SourceFileName":"%s.docx","ObjectId":"https://contoso.sharepoint.com/x/%s.docx"}\n' \
    alice "$name" "$name" "$name" "$name" "$name" >"$T/in.jsonl"
irm-norm "$T/in.jsonl" >"$T/out" 2>"$T/err"
rc=$?
echo "lines $(wc -l <"$T/out")"
echo "user $(jq -r '.user.name | length' "$T/out")"
echo "file $(jq -r '.file.name | length' "$T/out")"
echo "rc $rc"
sed 's/^irm-norm: .*in.jsonl:/irm-norm: in.jsonl:/' "$T/err"
