#!/bin/sh
# irm-norm over the published Microsoft Graph examples in ../shared/data
# (see its README for the source of each file): every record becomes one
# event or one rejection, the two examples that cannot be events are
# rejected for the right reason, and spot values are right.  Skipped when
# the shared data is absent (a user's clone has none).
. "$(dirname "$0")/lib.sh"
have_shared graph || skip_all "no shared data"
command -v jq >/dev/null || skip_all "jq missing"
G=$IRM_SHARED/graph
: "${IRM_NORM:=irm-norm}"
cd "$G" || skip_all "cannot enter $G"
files=$(ls ./*.json | sed 's|^\./||')
plan $(($(echo "$files" | wc -l) * 2 + 4))

# The reason a file's one bad record is rejected, or nothing.
#  example2: initiatedBy.user has no userPrincipalName and app is null.
#  template: createdDateTime is the placeholder "String (timestamp)".
rejected() {
	case $1 in
	directoryAudits_list_response_example2.json)
		echo "missing user (initiatedBy)" ;;
	security_auditLog_records_list_response_template.json)
		echo "createdDateTime: bad timestamp: String (timestamp)" ;;
	esac
}

# Records in a file: the elements of a page or array, or the one object.
records() {
	jq 'if type == "array" then length
	    elif has("value") then (.value | length) else 1 end' "$1"
}

for f in $files; do
	"$IRM_NORM" "$f" >"$TMP/$f.ev" 2>"$TMP/$f.err"
	rc=$?
	why=$(rejected "$f")
	if [ -z "$why" ]; then
		: >"$TMP/want.err"
		want_rc=0
	else
		echo "irm-norm: $f:1: $why" >"$TMP/want.err"
		want_rc=1
	fi
	if [ "$rc" = "$want_rc" ] && cmp -s "$TMP/$f.err" "$TMP/want.err"
	then
		ok "$f: exit $want_rc, stderr as expected"
	else
		not_ok "$f: exit $rc, want $want_rc"
		sed 's/^/# /' "$TMP/$f.err" | head -5
	fi
	n=$(($(wc -l <"$TMP/$f.ev") + $(wc -l <"$TMP/$f.err")))
	want=$(records "$f")
	if [ "$n" = "$want" ]; then
		ok "$f: $want records, one line each"
	else
		not_ok "$f: $n events and rejections, want $want"
	fi
done

# spot MSG FILE JQ WANT: the first event of FILE, through JQ, is WANT.
spot() {
	if [ ! -f "$TMP/$2.ev" ]; then
		ok "$1 # SKIP $2 missing"
		return
	fi
	head -1 "$TMP/$2.ev" | jq -r "$3" >"$TMP/got"
	echo "$4" >"$TMP/want"
	check_same "$1" "$TMP/got" "$TMP/want"
}

s=signIns_list_response_with_nextLink.json
spot "signIn: time, user, activity, outcome, ip" $s \
    '[."@timestamp", .user.name, .irm.activity, .event.outcome,
      .source.ip] | join(" ")' \
    "2020-03-13T19:15:41.619Z testaccount1@contoso.com logon success 131.107.159.37"
spot "signIn: id, constant action, dataset" $s \
    '[.event.id, .event.action, .event.dataset] | join(" ")' \
    "66ea54eb-6301-4ee5-be62-ff5a759b0100 signIn graph.signIns"
a=directoryAudits_list_response_example1.json
spot "directoryAudit: action, user, activity" $a \
    '[.event.action, .user.name, .irm.activity] | join("|")' \
    "Add member to group|bob@wingtiptoysonline.com|member_added"
spot "directoryAudit: target from \"Type\": User, provider, ip" $a \
    '[.user.target.name, .event.provider, .source.ip] | join("|")' \
    "bob@contoso.com|Core Directory|127.0.0.1"
done_testing
