# Names that differ in ASCII case are one user; names that differ only in
# Unicode normalization (precomposed é, e with a combining acute) or in
# non-ASCII case stay distinct: identities are lower-cased in ASCII only,
# as irm-event(5) says, so the result never depends on a Unicode table.
r() {
	printf '{"CreationTime":"2026-03-04T09:00:00","Id":"%s","Operation":"FileAccessed","UserId":"%s"}\n' "$1" "$2"
}
{
	r c1 'Rene.Dupont@Contoso.com'
	r c2 'rene.dupont@contoso.com'
	r u1 "$(printf 'ren\303\251@contoso.com')"
	r u2 "$(printf 'rene\314\201@contoso.com')"
	r u3 "$(printf 'REN\303\211@contoso.com')"
} >"$T/in.jsonl"
irm-norm "$T/in.jsonl" | jq -r '[.event.id, .user.name] | join(" ")' | od -c | sed 's/  */ /g'
