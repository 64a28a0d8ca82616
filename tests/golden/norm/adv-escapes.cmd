# Terminal escapes and control characters in fields are kept as facts,
# JSON-escaped (the table and html outputs of irm-report remove or
# escape them); a <script> file name is text.
printf '{"CreationTime":"2026-03-04T09:00:00","Id":"e1","Operation":"FileDownloaded","Workload":"SharePoint","UserId":"a@contoso.com","SourceFileName":"\\u001b[31mred\\u0007<script>alert(1)</script>.docx"}\n' >"$T/in.jsonl"
irm-norm "$T/in.jsonl" | jq -c .file.name
irm-norm "$T/in.jsonl" | grep -c '\\u001b'
