#!/bin/sh
# The outputs of every stage on an irm-gen tenant, compared with the
# SHA-256 sums in tests/golden/same-outputs.sha256: a refactoring must
# leave them byte for byte.  A change that means to alter an output
# regenerates the sums with IRM_REGOLD=1 and says why in its commit.
# (The example tenant's outputs are compared whole by 0010 and 0030.)
. "$(dirname "$0")/lib.sh"
GOLD=$TESTS/golden/same-outputs.sha256
SOURCE_DATE_EPOCH=1775000000
export SOURCE_DATE_EPOCH

T=$TMP/t
O=$TMP/out
mkdir -p "$O"
irm-gen -u 60 -d 30 -s 7 "$T" >/dev/null 2>&1
(cd "$T" && find . -type f | sort | xargs cat) >"$O/gen"
irm-norm "$T"/raw/* >"$O/events" 2>"$O/norm.err"
irm-norm -k user "$T"/raw/* 2>/dev/null | sort >"$O/events-k"
sort "$O/events" >"$TMP/sorted"
irm-score -s "$T/settings.json" -p "$T/policies" "$TMP/sorted" \
    >"$O/insights" 2>"$O/score.err"
irm-score -s "$T/settings.json" -p "$T/policies" --state "$TMP/state" \
    "$TMP/sorted" >/dev/null 2>&1
cp "$TMP/state" "$O/state"
# A malformed record among good ones: the message, the reject file, the
# exit status.
{ head -3 "$T/raw/2026-03-02-audit.jsonl"; echo '{"bad'; } >"$TMP/bad.jsonl"
irm-norm -r "$O/norm.rej" "$TMP/bad.jsonl" >"$O/norm-bad" 2>"$O/norm-bad.err"
echo "exit $?" >>"$O/norm-bad.err"
sed "s|$TMP|TMP|g" "$O/norm-bad.err" >"$TMP/e" && mv "$TMP/e" "$O/norm-bad.err"
for f in jsonl csv table html o365 ocsf; do
	irm-report -f $f "$O/insights" >"$O/report.$f" 2>"$O/report.$f.err"
done
irm-report --risk-levels "$O/insights" >"$O/risk-levels" 2>&1
irm-report -S "$TMP/store" "$O/insights" >"$O/store-out" 2>&1
irm-case -S "$TMP/store" list -f table >"$O/case-list" 2>&1
# verify's status and messages; not the head it prints, which hashes each
# entry's actor, the user running the test.
irm-case -S "$TMP/store" verify 2>"$O/case-verify" >/dev/null
echo "exit $?" >>"$O/case-verify"
# One line per file: NAME SHA256.
(cd "$O" && for f in *; do
	printf '%s %s\n' "$f" "$(openssl dgst -sha256 -r "$f" | cut -c1-64)"
done) >"$TMP/sums"

if [ -n "${IRM_REGOLD:-}" ]; then
	cp "$TMP/sums" "$GOLD"
fi
n=$(wc -l <"$GOLD")
plan $((n + 1))
check "some events" test "$(wc -l <"$O/events")" -gt 1000
while read -r name sum; do
	got=$(sed -n "s/^$name //p" "$TMP/sums")
	if [ "$got" = "$sum" ]; then
		ok "$name: same bytes"
	else
		not_ok "$name: sha256 $got, want $sum"
		head -c 2000 "$O/$name" | sed 's/^/# /'
	fi
done <"$GOLD"
done_testing
