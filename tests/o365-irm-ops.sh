#!/bin/sh
# tests/o365-irm-ops.sh - how many of the audit operations that
# Microsoft lists as insider-risk relevant irm-norm maps to an activity
# other than "other".  The list is the operation names of section 3.4
# ("Relevant audit-log operation names") of the Purview IRM reference,
# ../shared/ref/purview-irm.md by default (71 names; the shorthand
# `SiteSensitivityLabelApplied`/`Changed`/`Removed` is expanded).
# Usage: tests/o365-irm-ops.sh [purview-irm.md]
# Prints "MAPPED of TOTAL" and then each unmapped operation; irm-norm is
# taken from PATH.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ref=${1:-$top/../shared/ref/purview-irm.md}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk '/^### 3\.4 /{f=1; next} /^Relevant schema fields/{f=0} f' "$ref" |
    awk '{
	line = $0
	while (match(line, /`[^`]*`/)) {
		t = substr(line, RSTART + 1, RLENGTH - 2)
		before = substr(line, 1, RSTART - 1)
		line = substr(line, RSTART + RLENGTH)
		# `XyzApplied`/`Changed`: a lone word takes the stem before it.
		if (before == "/" && t ~ /^[A-Z][a-z]+$/ && prev != "") {
			stem = prev
			sub(/[A-Z][a-z]+$/, "", stem)
			t = stem t
		} else
			prev = t
		print t
	}
}' | sort -u >"$tmp/ops"
n=0
while IFS= read -r op; do
	n=$((n + 1))
	printf '{"CreationTime":"2026-03-02T10:00:00","Id":"op-%d","Operation":"%s","UserId":"u@contoso.com"}\n' \
	    "$n" "$op"
done <"$tmp/ops" >"$tmp/in.jsonl"
irm-norm --mapped-only "$tmp/in.jsonl" >"$tmp/ev"
sed 's/.*"action":"\([^"]*\)".*"activity":"\([^"]*\)".*/\2	\1/' "$tmp/ev" \
    >"$tmp/acts"
echo "$(grep -vc '^other	' "$tmp/acts" || :) of $(wc -l <"$tmp/ops" | tr -d ' ')"
sed -n 's/^other	//p' "$tmp/acts"
