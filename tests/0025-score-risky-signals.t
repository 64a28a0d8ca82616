#!/bin/sh
# The risky-user indicators of irm-score (issue 17, point 6), one at a
# time on hand-built events: inbox_rule_hiding counts rules that hide
# mail and not one that only forwards; admin_burst counts each other
# account once a day and not the administrator's own; signin_new_ip and
# signin_new_agent count a network (IPv4 /24, IPv6 /64) or user agent new
# for the user only after 5 days of sign-ins, remembered across runs in
# --state (and an older state file without that memory still loads);
# anonymous_access counts for the owner of a OneDrive item, and for
# nobody when the item is on a team site or the owner is unknown.  The
# trigger risky_user_signal needs 3 points: a hiding rule with a sign-in
# from a new network raises it; a hiding rule alone does not (a rule that
# files newsletters), nor a new network and agent (a traveller's new
# laptop), nor a burst of admin operations without the user's own past to
# compare with.
. "$(dirname "$0")/lib.sh"
plan 17
security_all "$TMP/all.json"
cat >"$TMP/risky.json" <<'JSON'
{"name": "risky", "template": "security_violations_risky_users",
 "alert": {"min_score": 1}}
JSON
logon() { # DAY ID USER IP AGENT
	ev "2026-03-${1}T08:00:00.000Z" "$2" "$3" logon "" \
	    ',"source":{"ip":"'"$4"'"},"user_agent":{"original":"'"$5"'"}'
}
{
	ev 2026-03-02T10:00:00.000Z r1 alice@contoso.com email_rule \
	    ',"mail_rule":{"actions":["move_to_folder","mark_as_read"],"folder":"RSS Feeds"}' \
	    ',"rule":{"name":".."}'
	ev 2026-03-02T10:01:00.000Z r2 alice@contoso.com email_rule \
	    ',"mail_rule":{"actions":["forward"]}' \
	    ',"email":{"to":{"address":["x@gmail.com"]}}'
	n=0
	for t in a b c d e f g h i j k a b c admin; do
		n=$((n + 1))
		ev 2026-03-02T11:00:00.000Z "p$n" admin@contoso.com \
		    password_reset "" ',"user":{"name":"admin@contoso.com","target":{"name":"'$t'@contoso.com"}}'
	done
	for d in 02 03 04 05 06; do
		logon $d "l$d" carol@contoso.com 198.51.100.7 UA-1
	done
	logon 09 l9a carol@contoso.com 198.51.100.99 UA-1
	logon 09 l9b carol@contoso.com 2001:db8::5 UA-2
	logon 09 l9c carol@contoso.com 2001:db8::77 UA-2
	logon 09 d9 dave@contoso.com 2001:db8::5 UA-2
	for d in 02 03 04 05 06; do
		logon $d "e$d" erin@contoso.com 198.51.100.8 UA-1
	done
	logon 09 e9 erin@contoso.com 2001:db8::9 UA-1
	ev 2026-03-09T08:05:00.000Z er erin@contoso.com email_rule \
	    ',"mail_rule":{"actions":["delete"]}' ',"rule":{"name":"Security notices"}'
	ev 2026-03-03T09:00:00.000Z f1 bob@contoso.com file_accessed
	for a in a1:bob_contoso_com:plan a2:zed_contoso_com:z; do
		IFS=: read -r id slug f <<EOT
$a
EOT
		ev 2026-03-04T13:00:00.000Z "$id" 'urn:spo:anon#ab' \
		    anonymous_link_used ',"share":{"scope":"anonymous"}' \
		    ',"file":{"name":"'$f'.docx"},"url":{"full":"https://contoso-my.sharepoint.com/personal/'$slug'/Documents/'$f'.docx"}'
	done
	ev 2026-03-04T13:00:00.000Z a3 'urn:spo:anon#ab' anonymous_link_used \
	    ',"share":{"scope":"anonymous"}' \
	    ',"file":{"name":"x.docx"},"url":{"full":"https://contoso.sharepoint.com/sites/x/x.docx"}'
} | sort >"$TMP/ev"
irm-score -p "$TMP/all.json" "$TMP/ev" >"$TMP/all" 2>"$TMP/err"
# got USER INDICATOR: the day's count, or "none".
got() {
	_c=$(grep "\"user\":{\"name\":\"$1\"}" "$3" | grep -o "\"indicator\":\"$2\",\"day\":\"[^\"]*\",\"count\":[0-9]*" |
	    sed 's/.*://' | tr '\n' ' ')
	echo "${_c:-none}"
}
is_() { [ "$(got "$1" "$2" "${4:-$TMP/all}")" = "$3 " ] || [ "$(got "$1" "$2" "${4:-$TMP/all}")" = "$3" ] ||
	{ echo "got $(got "$1" "$2" "${4:-$TMP/all}"), want $3"; return 1; }; }
check "inbox_rule_hiding: the hiding rule, not the forwarding one" \
    is_ alice@contoso.com inbox_rule_hiding 1
check "admin_burst: 11 distinct other accounts (repeats and self not)" \
    is_ admin@contoso.com admin_burst 11
check "signin_new_ip: one new /64 after 5 days, not the same /24" \
    is_ carol@contoso.com signin_new_ip 1
check "signin_new_agent: the new agent once" \
    is_ carol@contoso.com signin_new_agent 1
check "no history: nothing new for dave" \
    sh -c '! grep -q "\"name\":\"dave@contoso.com\"" "$1"' sh "$TMP/all"
check "anonymous_access: counted for bob, the OneDrive's owner" \
    is_ bob@contoso.com anonymous_access 1
check "anonymous_access: nobody for an unknown owner or a team site" \
    sh -c '[ "$(grep -c "\"indicator\":\"anonymous_access\"" "$1")" = 1 ]' \
    sh "$TMP/all"
irm-score -p "$TMP/risky.json" "$TMP/ev" >"$TMP/risky" 2>>"$TMP/err"
trig() {
	grep "\"user\":{\"name\":\"$1\"}" "$TMP/risky" |
	    grep -q '"trigger":{"activity":"risky_user_signal"'
}
check "risky_user_signal: a hiding rule and a new network raise it" trig erin@contoso.com
check "risky_user_signal: a hiding rule alone does not" sh -c \
    '! grep -q "\"name\":\"alice@contoso.com\"" "$1"' sh "$TMP/risky"
check "risky_user_signal: a new network and agent do not" sh -c \
    '! grep -q "\"name\":\"carol@contoso.com\"" "$1"' sh "$TMP/risky"
check "risky_user_signal: an admin burst without 14 days of history does not" \
    sh -c '! grep -q "\"name\":\"admin@contoso.com\"" "$1"' sh "$TMP/risky"
check "risky_user_signal: an anonymous access alone does not" \
    sh -c '! grep -q "\"name\":\"bob@contoso.com\"" "$1"' sh "$TMP/risky"
# --state: five days of sign-ins in one run, the new network in the next
# (--now makes its day final).
grep -v '"id":"l9' "$TMP/ev" | grep '"logon"' >"$TMP/d1"
grep '"id":"l9b"' "$TMP/ev" >"$TMP/d2"
irm-score -p "$TMP/all.json" --state "$TMP/st" "$TMP/d1" >/dev/null 2>>"$TMP/err"
irm-score -p "$TMP/all.json" --state "$TMP/st" --now 2026-03-12T00:00:00Z \
    "$TMP/d2" >"$TMP/run2" 2>>"$TMP/err"
check "--state remembers the sign-ins: the next run sees a new network" \
    is_ carol@contoso.com signin_new_ip 1 "$TMP/run2"
sed 's/,"signin":\[[0-9-]*,[0-9-]*,\[[][0-9,-]*\]\(,[0-9-]*,[0-9-]*\)\{0,1\}\]//' "$TMP/st" >"$TMP/old"
check "a state file without sign-in memory loads" sh -c \
    '! grep -q '"'"'"signin":'"'"' "$1" && irm-score -p "$2" --state "$1" "$3" >/dev/null' \
    sh "$TMP/old" "$TMP/all.json" "$TMP/d2"
# An administrator's busy day is no corroboration: boss@ resets 8
# passwords every weekday for four weeks, then 45 in a day (admin_burst
# level 3, 75 x1.25 unusual = 94 before): only the count, x0.5, 47.
{
	d=0
	while [ $d -lt 28 ]; do
		day=$(date -u -d "2026-02-02 + $d days" +%Y-%m-%d)
		d=$((d + 1))
		[ "$(date -u -d "$day" +%u)" -gt 5 ] && continue
		for k in 1 2 3 4 5 6 7 8; do
			ev "${day}T10:0$k:00.000Z" "h$day$k" boss@contoso.com password_reset "" \
			    ',"user":{"name":"boss@contoso.com","target":{"name":"u'$k'@contoso.com"}}'
		done
	done
	k=0
	while [ $k -lt 45 ]; do
		k=$((k + 1))
		ev "2026-03-02T10:00:00.000Z" "b$k" boss@contoso.com password_reset "" \
		    ',"user":{"name":"boss@contoso.com","target":{"name":"v'$k'@contoso.com"}}'
	done
} | sort >"$TMP/boss"
irm-score -p "$TMP/all.json" "$TMP/boss" 2>>"$TMP/err" |
    jq -r 'select(.irm.day == "2026-03-02") | [.irm.indicator, .irm.count, .irm.score, ([.irm.factors[].name]|join("+"))]|join(" ")' >"$TMP/got"
echo "admin_burst 45 47 level+unusual_activity+uncorroborated" >"$TMP/want"
check_same "admin_burst: a busy day of an administrator is not corroborated by its count" "$TMP/got" "$TMP/want"
check "--list-indicators has the five" sh -c 'irm-score --list-indicators |
    grep -cE "^(inbox_rule_hiding|admin_burst|signin_new_ip|signin_new_agent|anonymous_access)[[:space:]]" |
    grep -qx 5'
check "nothing on stderr" test ! -s "$TMP/err"
