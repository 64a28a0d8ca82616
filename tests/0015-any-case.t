#!/bin/sh
# Enumerated values are accepted in any case and mean what the lower-case
# name does: formats (irm-report -f, irm-case list -f, irm-gen -f),
# severities (--fail-on, irm-case list --severity), statuses, resolutions,
# scenarios (irm-gen -c), irm-norm -k, irm-fetch --token-endpoint and a
# policy's template.
. "$(dirname "$0")/lib.sh"
plan 12

EX=$TOP/examples
irm-norm "$EX"/tenant/* 2>/dev/null |
    irm-score -s "$EX/settings.json" -p "$EX/policies" >"$TMP/ins" 2>/dev/null

# all DIR: every file under DIR, in name order.
all() { (cd "$1" && find . -type f | sort | xargs cat); }

# same MSG CMD-UPPER CMD-LOWER: both exit alike with the same output.
same() {
	eval "$2" >"$TMP/a" 2>"$TMP/ea"
	ra=$?
	eval "$3" >"$TMP/b" 2>"$TMP/eb"
	rb=$?
	if [ "$ra" = "$rb" ] && [ "$ra" != 2 ] && cmp -s "$TMP/a" "$TMP/b"; then
		ok "$1"
	else
		not_ok "$1: exit $ra and $rb"
		sed 's/^/# /' "$TMP/ea"
	fi
}

same "irm-report -f CSV" 'irm-report -f CSV "$TMP/ins"' 'irm-report -f csv "$TMP/ins"'
same "irm-report --fail-on High" 'irm-report --fail-on High "$TMP/ins"' \
    'irm-report --fail-on high "$TMP/ins"'
irm-report -S "$TMP/s" "$TMP/ins" >/dev/null
same "irm-case list -f Table --severity MEDIUM" \
    'irm-case -S "$TMP/s" list -f Table --severity MEDIUM' \
    'irm-case -S "$TMP/s" list -f table --severity medium'
same "irm-case list --status Needs_Review" \
    'irm-case -S "$TMP/s" list --status Needs_Review' \
    'irm-case -S "$TMP/s" list --status needs_review'
A=$(irm-case -S "$TMP/s" list | head -n 1 | sed 's/.*"kind":"alert","id":"\([^"]*\)".*/\1/')
irm-case -S "$TMP/s" -b ann confirm "$A" >/dev/null
same "irm-case list --cases --status ACTIVE" \
    'irm-case -S "$TMP/s" list --cases --status ACTIVE' \
    'irm-case -S "$TMP/s" list --cases --status active'
check "irm-case resolve case-1 Violation" \
    irm-case -S "$TMP/s" -b ann resolve --action revoked case-1 Violation
if grep -q '"resolution":"violation"' "$TMP/s/journal.jsonl"; then
	ok "the journal records the resolution in lower case"
else
	not_ok "the journal records the resolution in lower case"
fi
same "irm-gen -f CERT -c Departing-Exfil" \
    'irm-gen -u 10 -d 2 -f CERT -c Departing-Exfil "$TMP/g1" && all "$TMP/g1"' \
    'irm-gen -u 10 -d 2 -f cert -c departing-exfil "$TMP/g2" && all "$TMP/g2"'
same "irm-gen -c ALL" 'irm-gen -u 10 -d 2 -c ALL "$TMP/g3" && all "$TMP/g3"' \
    'irm-gen -u 10 -d 2 -c all "$TMP/g4" && all "$TMP/g4"'
same "irm-norm -k USER" 'irm-norm -k USER "$EX/tenant/audit-2026-03.jsonl"' \
    'irm-norm -k user "$EX/tenant/audit-2026-03.jsonl"'
irm-fetch --token-endpoint V2 o365 >/dev/null 2>"$TMP/err"
if grep -q 'token-endpoint' "$TMP/err"; then
	not_ok "irm-fetch --token-endpoint V2 is accepted"
	sed 's/^/# /' "$TMP/err"
else
	ok "irm-fetch --token-endpoint V2 is accepted"
fi
sed 's/"template": *"data_leaks"/"template": "Data_Leaks"/' \
    "$EX/policies/data_leaks.json" >"$TMP/p.json"
grep -q Data_Leaks "$TMP/p.json" || echo "# the policy names no template"
check "a policy's template in any case (--lint)" \
    irm-score -s "$EX/settings.json" -p "$TMP/p.json" --lint
done_testing
