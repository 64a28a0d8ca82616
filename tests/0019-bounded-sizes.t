#!/bin/sh
# Bounded sizes (irm-insight(5), irm-event(5)): every string irm-score
# carries from an event into an insight (evidence ids, files and targets,
# a sequence's step files, a cumulative insight's peer) longer than 1024
# bytes is cut to its first 1016 bytes or fewer, at a UTF-8 character
# boundary, and marked "...[cut]": 1024 bytes at most;
# an identity longer than 1024 bytes rejects its record in irm-norm and
# irm-score.  So one user's 2 MB file names give insight lines irm-report
# reads, and no alert is lost (before, 30 such names made a 40 MB line
# irm-report refused).
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
S=$TESTS/data/score/scenario
plan 11

LABEL=',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"'
BIG=$(head -c 2000000 /dev/zero | tr '\0' x)
# 'a' then 2-byte characters: byte 1016 falls inside one.
UTF=a$(head -c 1000 /dev/zero | tr '\0' x | sed 's/x/é/g')

# A departing user copies 30 files with 2 MB names (and 2 MB ids) to USB.
{
	ev 2026-03-02T09:00:00.000Z hr-1 alice@contoso.com hr_resignation \
	    ',"hr":{"resignation_date":"2026-03-02T00:00:00.000Z","last_working_date":"2026-03-20T00:00:00.000Z"}'
	ev 2026-03-05T09:59:00.000Z u-1 alice@contoso.com usb_copied "$LABEL" ',"file":{"name":"'$UTF'"}'
	i=0
	while [ $i -lt 30 ]; do
		ev "2026-03-05T10:$(printf %02d $i):00.000Z" "a-$i$BIG" alice@contoso.com usb_copied "$LABEL" ',"file":{"name":"'$i$BIG'.xlsx"}'
		i=$((i + 1))
	done
} >"$TMP/big.jsonl"

irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/big.jsonl" \
    >"$TMP/ins" 2>"$TMP/err"
check "2 MB file names: irm-score exits 0, says nothing" \
    sh -c "test $? = 0 && test ! -s '$TMP/err'"
check "one insight, its line under 64 KiB" \
    sh -c "test \$(wc -l <'$TMP/ins') = 1 && test \$(wc -c <'$TMP/ins') -lt 65536"
jq -r '.irm.evidence.files[1]' "$TMP/ins" >"$TMP/got"
{ printf 0; printf '%s' "$BIG" | head -c 1015; echo '...[cut]'; } >"$TMP/want"
check_same "a file name is its first 1016 bytes and ...[cut]" "$TMP/got" "$TMP/want"
check "ids are cut the same way" \
    sh -c "jq -r '.irm.evidence.ids[1]' '$TMP/ins' | grep -qx 'a-0x\{1013\}\.\.\.\[cut\]'"
jq -r '.irm.evidence.files[0]' "$TMP/ins" >"$TMP/got"
{ printf '%s' "$UTF" | head -c 1015; echo '...[cut]'; } >"$TMP/want"
check_same "a cut never splits a UTF-8 character (1015 bytes, then the mark)" "$TMP/got" "$TMP/want"
irm-report "$TMP/ins" >"$TMP/alerts" 2>"$TMP/err"
check "irm-report reads the insight: exit 0, one alert" \
    sh -c "test $? = 0 && test ! -s '$TMP/err' && test \$(wc -l <'$TMP/alerts') = 1"
irm-score -s "$S/settings.json" -p "$S/departing.json" --state "$TMP/s.state" \
    "$TMP/big.jsonl" >/dev/null
check "a state with the day still open keeps the cut evidence only (< 64 KiB)" \
    test "$(wc -c <"$TMP/s.state")" -lt 65536

# A sequence whose files have 2 MB names: its steps' files are cut too.
# (Two files after a resignation through a rename are routine, 30: the
# policy writes every insight.)
seq_theft "$BIG"
sed 's/^{/{"alert": {"min_score": 0}, /' "$TMP/seq.json" >"$TMP/seq0.json"
irm-score -s "$S/settings.json" -p "$TMP/seq0.json" "$TMP/seq.jsonl" >"$TMP/out"
check "a sequence over 2 MB names: one insight under 64 KiB" \
    sh -c "test \$(jq -r .irm.insight '$TMP/out') = sequence && test \$(wc -c <'$TMP/out') -lt 65536"
check "its step files and evidence files end in ...[cut]" \
    sh -c "jq -r '.irm.steps[].files[], .irm.evidence.files[]' '$TMP/out' | grep -vc '\.\.\.\[cut\]\$' | grep -qx 0"

# An identity longer than 1024 bytes rejects its record.
LONG=$(head -c 1100 /dev/zero | tr '\0' u)@contoso.com
{
	ev 2026-03-05T10:00:00.000Z l-1 "$LONG" usb_copied
	ev 2026-03-05T10:00:01.000Z l-2 bob@contoso.com usb_copied
} >"$TMP/long.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" -r "$TMP/rej" "$TMP/long.jsonl" >/dev/null 2>"$TMP/err"
check "irm-score: a 1112-byte user.name is rejected with FILE:LINE, exit 1" \
    sh -c "test $? = 1 && grep -q 'long.jsonl:1: user.name longer than 1024 bytes' '$TMP/err' && test \$(wc -l <'$TMP/rej') = 1"
for u in "$LONG" alice@contoso.com; do
	printf '{"CreationTime":"2026-03-02T10:00:01","Id":"id-%.4s","Operation":"FileDownloaded","Workload":"SharePoint","RecordType":6,"UserId":"%s","ObjectId":"https://contoso.sharepoint.com/a.docx"}\n' "$u" "$u"
done >"$TMP/o365.jsonl"
irm-norm -r "$TMP/rej2" "$TMP/o365.jsonl" >"$TMP/out" 2>"$TMP/err"
check "irm-norm: a 1112-byte UserId is rejected with FILE:LINE, exit 1" \
    sh -c "test $? = 1 && grep -q 'o365.jsonl:1: user longer than 1024 bytes' '$TMP/err' && test \$(wc -l <'$TMP/rej2') = 1 && test \$(wc -l <'$TMP/out') = 1"
done_testing
