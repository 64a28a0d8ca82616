# Dates at the ends of the range and a leap second: year 1 and 9999 are
# read, :60 becomes :59.999, year 0 and 10000 are rejected.
r() {
	printf '{"CreationTime":"%s","Id":"%s","Operation":"FileAccessed","UserId":"a@contoso.com"}\n' "$2" "$1"
}
{
	r y1 0001-01-01T00:00:00
	r y9999 9999-12-31T23:59:59.999
	r leap 2016-12-31T23:59:60
	r y0 0000-01-01T00:00:00
	r y10000 10000-01-01T00:00:00
	r feb30 2026-02-30T00:00:00
} >"$T/in.jsonl"
cd "$T" && irm-norm in.jsonl >out
rc=$?
jq -r '[.event.id, ."@timestamp"] | join(" ")' out
exit $rc
