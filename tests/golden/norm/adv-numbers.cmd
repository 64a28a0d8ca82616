# Huge and negative sizes, a huge number in a free field: sizes that are
# not a count of bytes are left out, never wrapped.
r() {
	printf '{"CreationTime":"2026-03-04T09:00:00","Id":"%s","Operation":"FileUploaded","Workload":"OneDrive","UserId":"a@contoso.com","SourceFileName":"x.bin","FileSizeBytes":%s,"Other":123456789012345678901234567890}\n' "$1" "$2"
}
{
	r n1 1048576
	r n2 -5
	r n3 99999999999999999999999
	r n4 1e300
	r n5 '"12"'
} >"$T/in.jsonl"
irm-norm "$T/in.jsonl" | jq -c '[.event.id, .file.size]'
