#!/bin/sh
# irm-report -f o365 and irm-case list -f o365 carry what Microsoft's
# common schema makes mandatory (OrganizationId, from --organization-id
# or the nil GUID; UserType 4, System, as alert records have it), and
# irm-norm reads irm's own records back: each as an event of the alert's
# user (not SecurityComplianceAlerts), AlertTriggered as security_alert,
# records of older irm-report (Data with upn only) too.
. "$(dirname "$0")/lib.sh"
plan 12
ORG=7a1f3c52-9d0e-4b6a-8c21-5e4f0a9b3d17
NIL=00000000-0000-0000-0000-000000000000

irm-gen -u 60 -d 20 -s 3 "$TMP/t" >/dev/null 2>&1
irm-norm "$TMP"/t/raw/* 2>/dev/null | LC_ALL=C sort >"$TMP/events"
irm-score -s "$TMP/t/settings.json" -p "$TMP/t/policies" "$TMP/events" \
    >"$TMP/insights" 2>/dev/null
irm-report -f o365 "$TMP/insights" >"$TMP/o365" 2>"$TMP/err"
n=$(wc -l <"$TMP/o365")
check "some o365 records" test "$n" -gt 5
check "every record: OrganizationId the nil GUID, UserType 4" test \
    "$(jq -c "select(.OrganizationId == \"$NIL\" and .UserType == 4)" \
    "$TMP/o365" | wc -l)" = "$n"
irm-report -f o365 --organization-id $ORG "$TMP/insights" \
    >"$TMP/o365-org" 2>>"$TMP/err"
check "--organization-id: that GUID in every record" test "$(jq -c \
    "select(.OrganizationId == \"$ORG\")" "$TMP/o365-org" | wc -l)" = "$n"
check "nothing on stderr" test ! -s "$TMP/err"
check_rc "--organization-id not a GUID: usage error" 2 \
    irm-report -f o365 --organization-id 7a1f3c52 "$TMP/insights"
# irm-case list -f o365 from a store, the same way.
irm-report -S "$TMP/store" "$TMP/insights" >/dev/null 2>&1
irm-case -S "$TMP/store" list -f o365 --organization-id $ORG \
    >"$TMP/case-o365" 2>"$TMP/err"
check "irm-case list -f o365 --organization-id: that GUID, UserType 4" \
    test "$(jq -c "select(.OrganizationId == \"$ORG\" and .UserType == 4)" \
    "$TMP/case-o365" | wc -l)" = "$(wc -l <"$TMP/case-o365")" -a \
    -s "$TMP/case-o365"
check_rc "irm-case --organization-id not a GUID: usage error" 2 \
    irm-case -S "$TMP/store" list -f o365 --organization-id x

irm-norm -r "$TMP/rej" "$TMP/o365" >"$TMP/back" 2>"$TMP/err"
check "read back: every record an event, nothing said" sh -c \
    "test \"\$(wc -l <'$TMP/back')\" = $n && test ! -s '$TMP/err'"
jq -r '[.Id, (.Data | fromjson | .upn)] | @tsv' "$TMP/o365" >"$TMP/want"
jq -r '[.event.id, .user.name] | @tsv' "$TMP/back" >"$TMP/got"
check_same "read back: each the alert's user" "$TMP/got" "$TMP/want"
check "read back: AlertTriggered is security_alert" test "$(jq -c \
    'select(.event.action == "AlertTriggered" and .irm.activity != "security_alert")' \
    "$TMP/back" | wc -l)" = 0
check "read back: some AlertTriggered" grep -q '"action":"AlertTriggered"' \
    "$TMP/back"

# A record of irm-report before f3u: Data with upn only.
sed -n 1p "$TMP/o365" | sed 's/\\"f3u\\":\\"[^\\]*\\",//' >"$TMP/old"
irm-norm "$TMP/old" | jq -r .user.name >"$TMP/got"
sed -n 1p "$TMP/want" | cut -f2 >"$TMP/want1"
check_same "an older record (upn only): the alert's user" "$TMP/got" \
    "$TMP/want1"
done_testing
