#!/bin/sh
# Events against the Elastic Common Schema itself: ECS 9.4.0's flat field
# list (the npm package @elastic/ecs, which make check installs into
# tests/node_modules) checked by tests/ecs-check.js on every field of
# every event irm-norm writes from a large irm-gen sample (the o365 tenant
# with every scenario and a CERT one), from the norm fixtures of
# tests/data/norm and from records with addresses ECS's ip type refuses:
# known fields only (irm.* and o365.* are irm's), ECS's types, arrays
# where ECS normalizes to one, allowed event.kind, category, type and
# outcome values and the types expected with each category, ecs.version
# and event.kind in every event, never event.kind signal, host.name lower
# case, user.email and user.domain where user.name is an address.
# irm-score's insights from the sample too: event.kind enrichment, not
# signal (see irm-insight(5)), and ecs.version.
. "$(dirname "$0")/lib.sh"
ECS=$TESTS/node_modules/@elastic/ecs
command -v node >/dev/null 2>&1 || skip_all "no node"
test -f "$ECS/package.json" || skip_all "no @elastic/ecs (make deps installs it)"
# The schema is a property of the output, not of the build: the plain
# tree's run checks it, and the sanitizer tree runs the same irm-norm in
# 0010 and 0020 to 0023 (here it took 20 s of make check on 2 busy cores).
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer tree" ;; esac
plan 12

irm-gen -u 150 -d 15 --density 20 "$TMP/o365" >/dev/null 2>&1
irm-gen -f cert -u 200 -d 30 --density 20 "$TMP/cert" >/dev/null 2>&1
irm-norm "$TMP"/o365/raw/* >"$TMP/o365.jsonl" 2>"$TMP/err"
irm-norm "$TMP"/cert/raw/* "$TMP"/cert/LDAP/* "$TMP"/cert/hr/* \
    >"$TMP/cert.jsonl" 2>>"$TMP/err"
(cd "$TESTS/data/norm" && for f in *; do irm-norm "$f"; done) \
    >"$TMP/fixtures.jsonl" 2>/dev/null
check "a large sample: over 50,000 o365 and 5,000 cert events" test \
    "$(wc -l <"$TMP/o365.jsonl")" -gt 50000 -a \
    "$(wc -l <"$TMP/cert.jsonl")" -gt 5000

# ClientIP values that are no IP address, a device name in capitals.
cat >"$TMP/ips.jsonl" <<'X'
{"CreationTime":"2026-03-02T10:00:00","Id":"e1","Operation":"FileDownloaded","RecordType":6,"UserId":"Ann@Contoso.com","Workload":"SharePoint","ClientIP":"Unknown","ObjectId":"https://contoso.sharepoint.com/a.docx"}
{"CreationTime":"2026-03-02T10:01:00","Id":"e2","Operation":"FileDownloaded","RecordType":6,"UserId":"ann@contoso.com","Workload":"SharePoint","ClientIP":"203.0.113.9, 10.0.0.1","ObjectId":"https://contoso.sharepoint.com/b.docx"}
{"CreationTime":"2026-03-02T10:02:00","Id":"e3","Operation":"FileCopiedToRemovableMedia","RecordType":63,"UserId":"ann@contoso.com","Workload":"Endpoint","ClientIP":"[2001:db8::1]:443","DeviceName":"CONTOSO-LT-0142","ObjectId":"C:\\Users\\ann\\c.docx"}
{"CreationTime":"2026-03-02T10:03:00","Id":"e4","Operation":"FileRenamed","RecordType":6,"UserId":"ann@contoso.com","Workload":"OneDrive","SourceFileName":"Q3.xlsx","DestinationFileName":"cat.jpg","SourceRelativeUrl":"Documents"}
X
irm-norm "$TMP/ips.jsonl" >"$TMP/ips.out" 2>>"$TMP/err"
check "irm-norm said nothing" test ! -s "$TMP/err"
check "ClientIP Unknown: no source.ip, source.address Unknown" sh -c \
    "sed -n 1p '$TMP/ips.out' | grep -q '\"source\":{\"address\":\"Unknown\"}'"
check "a list: source.ip its first address, the list in source.address" sh -c \
    "sed -n 2p '$TMP/ips.out' | grep -q '\"source\":{\"ip\":\"203.0.113.9\",\"address\":\"203.0.113.9, 10.0.0.1\"}'"
check "[ip]:port: source.ip the address" sh -c \
    "sed -n 3p '$TMP/ips.out' | grep -q '\"source\":{\"ip\":\"2001:db8::1\"}'"
check "user.email and user.domain of an address" sh -c \
    "sed -n 1p '$TMP/ips.out' | grep -q '\"user\":{\"name\":\"ann@contoso.com\",\"email\":\"ann@contoso.com\",\"domain\":\"contoso.com\"}'"
check "host.name lower-cased" grep -q '"host":{"name":"contoso-lt-0142"}' \
    "$TMP/ips.out"
check "a rename's previous name under irm.file" \
    grep -q '"irm":{[^}]*"file":{"previous_name":"Q3.xlsx"}' "$TMP/ips.out"

node "$TESTS/ecs-check.js" "$ECS" "$TMP/o365.jsonl" "$TMP/cert.jsonl" \
    "$TMP/fixtures.jsonl" "$TMP/ips.out" >"$TMP/ecs" 2>&1
check "every event conforms to ECS 9.4.0" test $? = 0
sed 's/^/# /' "$TMP/ecs"

LC_ALL=C sort "$TMP/o365.jsonl" >"$TMP/sorted"
irm-score -s "$TMP/o365/settings.json" -p "$TMP/o365/policies" \
    "$TMP/sorted" >"$TMP/insights" 2>"$TMP/err"
check "some insights" test "$(wc -l <"$TMP/insights")" -gt 10
check "every insight is event.kind enrichment" test \
    "$(grep -c '^{"@timestamp":"[^"]*","ecs":{"version":"9.4.0"},"event":{"kind":"enrichment",' "$TMP/insights")" = \
    "$(wc -l <"$TMP/insights")"
node "$TESTS/ecs-check.js" "$ECS" "$TMP/insights" >"$TMP/ecs" 2>&1
check "every insight conforms to ECS 9.4.0" test $? = 0
sed 's/^/# /' "$TMP/ecs"
done_testing
