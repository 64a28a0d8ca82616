#!/bin/sh
# tests/fuzz/seeds.sh OUT - write the seed corpus of every fuzz target to
# OUT/TARGET/ from tests/data, tests/golden and examples, and from a
# store, insights and a --state made by the plain build's binaries (run
# from the top of the tree, after `make all`).  Nothing here is kept in
# git: the seeds follow the test data.
set -u
out=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
PATH="$top/cmd:$PATH"
export PATH
D=$top/tests/data
G=$top/tests/golden
EX=$top/examples
tmp=$(mktemp -d) || exit 3
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1772323200
export SOURCE_DATE_EPOCH LC_ALL=C TZ=UTC

# seed TARGET PREFIX FILE...: each file, cut to 16 KiB, with an options
# byte in front for the norm targets (PREFIX is a printf escape or "").
seed() {
	t=$1 p=$2
	shift 2
	mkdir -p "$out/$t"
	for f in "$@"; do
		[ -f "$f" ] || continue
		{ [ -n "$p" ] && printf "$p"; head -c 16384 "$f"; } \
		    >"$out/$t/$(basename "$f")"
	done
}

seed o365 '\0' "$D"/norm/o365-*.jsonl "$EX/tenant/audit-2026-03.jsonl"
seed graph '\0' "$D"/norm/graph-*
seed badge '\0' "$D"/norm/badge-* "$EX/tenant/badge.json"
seed purview '\0' "$D"/norm/purview-*.csv
seed cert '\0' "$D"/norm/cert-*.csv
seed hr '\0' "$D"/norm/hr-*.csv "$EX/tenant/hr-resignations.csv"
seed hr '\200' "$D"/norm/hr-map-*.csv
seed custom '\0' "$D"/norm/custom-*.csv
seed custom '\200' "$D/norm/custom-map.csv"
seed detect '\3' "$D"/norm/*.csv "$D"/norm/*.json "$D"/norm/*.jsonl
printf '2026-03-02T07:04:38Z\n' >"$tmp/t1"
printf '3/2/2026 7:04:38 PM' >"$tmp/t2"
printf '2026-03-29 02:30:00' >"$tmp/t3"
printf '2026-03-02T07:04:38.1234567+05:30' >"$tmp/t4"
printf '01/02/2010 07:30:00' >"$tmp/t5"
seed time '\1' "$tmp"/t1 "$tmp"/t2 "$tmp"/t4
seed time '\0' "$tmp"/t3 "$tmp"/t5
seed settings '' "$D"/score/settings-full.json "$D"/score/*/settings.json \
    "$EX/settings.json"
seed policy '' "$D"/score/templates/*.json "$D"/score/scenario/*.json \
    "$EX"/policies/*.json
seed conf '' "$EX/settings.json" "$EX"/policies/*.json
seed alert '' "$D/report/formats.jsonl"
seed score '' "$G"/norm/*.out "$EX/normalize.out"
seed evfast "" "$G"/norm/*.out "$EX/normalize.out" \
    "$top/tests/fuzz/crashes/evfast/tricky"

# A store: insights through irm-report -S, then triage with irm-case.
irm-norm "$EX"/tenant/* 2>/dev/null | sort >"$tmp/events"
irm-score -s "$EX/settings.json" -p "$EX/policies" "$tmp/events" \
    >"$tmp/ins" 2>/dev/null
S=$tmp/store
irm-report -S "$S" "$tmp/ins" >/dev/null 2>&1
a=$(irm-case -S "$S" list 2>/dev/null | jq -r .event.id 2>/dev/null)
set -- $a
if [ $# -ge 2 ]; then
	irm-case -S "$S" -b ann confirm --new-case "case one" "$1" >/dev/null
	irm-case -S "$S" -b ann note case-1 "a note" >/dev/null
	irm-case -S "$S" -b bob dismiss --reason "expected" "$2" >/dev/null
	irm-case -S "$S" -b dave resolve --action "revoked" case-1 \
	    violation >/dev/null
fi 2>/dev/null
if [ -s "$S/journal.jsonl" ]; then
	head -c 16384 "$S/journal.jsonl" >"$tmp/journal"
	seed journal '' "$tmp/journal"
	seed fold '' "$tmp/journal"
	head -c 16384 "$tmp/ins" >"$tmp/insights"
	seed alert '' "$tmp/insights"
fi

# A --state of the policies fuzz_state loads (names theft and leaks).
mkdir -p "$tmp/pol"
printf '{"name": "theft", "template": "data_theft_departing", "sequences": true, "cumulative_exfiltration": true}\n' >"$tmp/pol/p1.json"
printf '{"name": "leaks", "template": "data_leaks"}\n' >"$tmp/pol/p2.json"
irm-score -p "$tmp/pol" --state "$tmp/state" "$tmp/events" \
    >/dev/null 2>&1
seed state '' "$tmp/state"
# A --population of the same events and policies, whole and in two
# partitions (the users by the parity of their name's length).
irm-score -p "$tmp/pol" --population-out "$tmp/pop" "$tmp/events" \
    >/dev/null 2>&1
jq -c 'select((.user.name | length) % 2 == 0)' "$tmp/events" >"$tmp/ev0" 2>/dev/null
irm-score -p "$tmp/pol" --population-out "$tmp/pop0" "$tmp/ev0" \
    >/dev/null 2>&1
cat "$tmp/pop0" "$tmp/pop" >"$tmp/pops" 2>/dev/null
seed pop '' "$tmp/pop" "$tmp/pops"
# irm-fetch: header lines, error bodies, blobs and pages, token
# responses (a byte in front picks the parser: 0 headers, 1 error body,
# 2 blob or page, 3 one object, 4 token).
mkdir -p "$out/http"
printf '\000HTTP/1.1 200 OK\r\nNextPageUri: https://manage.office.com/api/v1.0/t/activity/feed/subscriptions/content?nextPage=2\r\nLink: <https://x.test/p?page=2>; rel="next", <https://x.test/p?page=1>; rel="prev"\r\nRetry-After: 30\r\n\r\n' >"$out/http/headers"
printf '\001{"error":{"code":"AF20051","message":"Content requested with the key 20260301 has already expired."}}' >"$out/http/error"
printf '\001{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}' >"$out/http/token-error"
{ printf '\002'; head -c 8000 "$EX/tenant/audit-2026-03.jsonl" | sed '$d' | jq -s -c . 2>/dev/null; } >"$out/http/blob"
printf '\004{"token_type":"Bearer","expires_in":"3599","ext_expires_in":"3599","access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.c2ln"}' >"$out/http/token"
{ printf '\002'; printf '{"value":[{"id":"1"},{"id":"2"}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=x"}'; } >"$out/http/page"

# irm-fetch's --state (a byte in front: 0 o365, 1 graph).
T=f28ab78a-d401-4060-8012-736e373933eb
mkdir -p "$out/fstate"
printf '\000{"irm_fetch_state":1,"source":"o365","tenant":"%s","cursors":{"Audit.Exchange":"2026-03-02T12:00:00.000Z","DLP.All":"2026-03-02T13:00:00.000Z"},"seen":{"20260302120000123$20260302130000456$audit_exchange$Audit_Exchange$emea0025":"2026-03-02T12:30:00.000Z"}}\n' \
    "$T" >"$out/fstate/o365"
printf '\001{"irm_fetch_state":1,"source":"graph","tenant":"%s","cursors":{"signIns":"2026-03-02T12:00:00.000Z"},"seen":{"b4c1f9d2-0000-4000-8000-000000000001":"2026-03-02T11:59:00.000Z"}}\n' \
    "$T" >"$out/fstate/graph"
# irm-case reveal: a pseudonym under the fuzzing key, then the directory.
printf 'fuzzing-key-0123456789abcdef\n' >"$tmp/key"
chmod 600 "$tmp/key"
printf '{"CreationTime":"2026-03-02T10:00:00","Id":"a1","Operation":"FileAccessed","UserId":"adele.vance@contoso.com"}\n' |
    irm-norm -p "$tmp/key" 2>/dev/null | jq -r .user.name >"$tmp/pseudonym"
mkdir -p "$out/reveal"
{ cat "$tmp/pseudonym"; head -c 16384 "$EX/directory.csv"; } \
    >"$out/reveal/directory"
{ echo anon-0000; printf 'upn\r\n"a@contoso.com"\r\n'; } >"$out/reveal/quoted"
# irm-case notice: the user, then the template.
mkdir -p "$out/notice"
printf 'adele.vance@contoso.com\nFrom: compliance@contoso.com\nSubject: Data handling ({{case}})\nCc: hr@contoso.com\n\nDear {{user}},\nabout {{case_name}} under {{policy}}, from {{sender}}.\n' \
    >"$out/notice/template"
printf 'a@contoso.com\r\nBcc: x@contoso.com\nfrom: {{user}}\nsubject: {{subject}}{{x}}\n\n{{\n' \
    >"$out/notice/inject"

for t in "$out"/*; do
	[ -n "$(ls "$t")" ] || echo "seeds: none for ${t##*/}" >&2
done
exit 0

