#!/bin/sh
# irm-norm over the published O365 records in ../shared/data (see its
# README for the source of each file): every record becomes one event,
# nothing is rejected, and spot values are right.  Skipped when the shared
# data is absent (a user's clone has none).
. "$(dirname "$0")/lib.sh"
have_shared o365 || skip_all "no shared data at $IRM_SHARED"
command -v jq >/dev/null || skip_all "jq missing"
O=$IRM_SHARED/o365
plan 15

# norm_count MSG WANT FILE...: irm-norm exits 0, no stderr, WANT events.
norm_count() {
	_m=$1 _w=$2; shift 2
	irm-norm "$@" >"$TMP/ev" 2>"$TMP/err"; _rc=$?
	_n=$(wc -l <"$TMP/ev")
	if [ "$_rc" = 0 ] && [ ! -s "$TMP/err" ] && [ "$_n" = "$_w" ]; then
		ok "$_m"
	else
		not_ok "$_m: exit $_rc, $_n events, want $_w"
		sed 's/^/# /' "$TMP/err" | head -5
	fi
}

# field FILE LINE JQ: one value of one event.
field() { sed -n "$2p" "$1" | jq -r "$3"; }

for f in "$O"/elastic_beats/*.log; do
	norm_count "$(basename "$f"): one event per record" \
	    "$(grep -c . "$f")" "$f"
done
norm_count "content blob array (3 records)" 3 "$O/msdocs/content_blob_azuread.json"
field "$TMP/ev" 1 .irm.activity >"$TMP/a"
echo logon_failed >"$TMP/b"
check_same "content blob: LoginError makes a failed logon" "$TMP/a" "$TMP/b"
norm_count "elastic integrations document" 1 \
    "$O/elastic_integrations/exchange_item_aggregated_AttachmentAccess.json"
norm_count "AIP AuditData examples" 8 "$O/msdocs_aip/auditdata_examples.ndjson"
field "$TMP/ev" 5 '[.irm.label_old,.irm.label_change]|join(" ")' >"$TMP/a"
echo "6282649d-9e2a-4063-8587-32eaaa9ad68e upgraded" >"$TMP/b"
check_same "AIP label update: old label and change" "$TMP/a" "$TMP/b"
for f in "$O"/panther/*.ndjson; do
	jq -c .log "$f" >"$TMP/log.jsonl"
	norm_count "panther $(basename "$f" .ndjson)" \
	    "$(wc -l <"$TMP/log.jsonl")" "$TMP/log.jsonl"
done
done_testing
