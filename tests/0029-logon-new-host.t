#!/bin/sh
# logon_new_host (issue 16, the CERT path): a logon to a workstation the
# user has not logged on to in the look-back counts once, only after 5
# days with sign-ins, with the host compared ignoring case (CERT writes
# PC-0010, Windows pc-0010), and --state remembers the hosts.  In the
# security templates it makes the CERT sabotage shape a risk insight: a
# departing administrator with weeks of history who logs on to another
# machine and sends mail as another mailbox for the first time has two
# new parts (10 + 25, x1.5 = 53, medium), where email_as_other alone
# stayed under min_score (31).
. "$(dirname "$0")/lib.sh"
plan 8
cat >"$TMP/all.json" <<'JSON'
{"name": "all", "template": "security_violations", "triggers": [],
 "alert": {"min_score": 1}}
JSON
cat >"$TMP/dep.json" <<'JSON'
{"name": "dep", "template": "security_violations_departing"}
JSON
logon() { # TIME ID USER HOST
	ev "$1" "$2" "$3" logon "" ',"host":{"name":"'"$4"'"}'
}
{
	for d in 02 03 04 05 06; do
		logon 2026-03-${d}T08:00:00.000Z "f$d" frank@contoso.com pc-0010
	done
	logon 2026-03-09T08:00:00.000Z f9a frank@contoso.com PC-0010
	logon 2026-03-09T09:00:00.000Z f9b frank@contoso.com pc-0099
	logon 2026-03-09T10:00:00.000Z f9c frank@contoso.com pc-0099
	for d in 02 03 04; do
		logon 2026-03-${d}T08:00:00.000Z "g$d" gina@contoso.com pc-0020
	done
	logon 2026-03-09T09:00:00.000Z g9 gina@contoso.com pc-0099
} | sort >"$TMP/ev"
irm-score -p "$TMP/all.json" --state "$TMP/state" --final "$TMP/ev" >"$TMP/all" 2>"$TMP/err"
# got USER: logon_new_host's counts, or "none".
got() {
	_c=$(grep "\"user\":{\"name\":\"$1\"}" "$2" |
	    grep -o '"indicator":"logon_new_host","day":"[^"]*","count":[0-9]*' |
	    sed 's/.*://' | tr '\n' ' ')
	echo "${_c:-none}"
}
is_() { [ "$(got "$1" "$3")" = "$2 " ] || { echo "got $(got "$1" "$3"), want $2"; return 1; }; }
isnone() { [ "$(got "$1" "$2")" = none ] || { echo "got $(got "$1" "$2"), want none"; return 1; }; }
check "a new host counts once, the known one in capitals not" is_ frank@contoso.com 1 "$TMP/all"
check "no history of 5 days: nothing new for gina" isnone gina@contoso.com "$TMP/all"
logon 2026-03-10T08:00:00.000Z f10 frank@contoso.com pc-0077 >"$TMP/ev2"
logon 2026-03-10T09:00:00.000Z f10b frank@contoso.com pc-0099 >>"$TMP/ev2"
irm-score -p "$TMP/all.json" --state "$TMP/state" --final "$TMP/ev2" >"$TMP/run2" 2>>"$TMP/err"
check "--state remembers the hosts: pc-0099 known, pc-0077 new" is_ frank@contoso.com 1 "$TMP/run2"
check "--list-indicators has logon_new_host" sh -c \
    'irm-score --list-indicators | grep -q "^logon_new_host	10	1,3,6	no	logon	host.name "'

# The CERT sabotage shape, in a departing template with its defaults.
{
	for d in 02 03 04 05 06 09 10 11 12 13 16 17 18 19 20 23 24; do
		logon 2026-03-${d}T08:00:00.000Z "t$d" trent@contoso.com pc-0232
		ev 2026-03-${d}T09:00:00.000Z "m$d" trent@contoso.com email_sent "" \
		    ',"email":{"from":{"address":["trent@contoso.com"]},"to":{"address":["ann@contoso.com"]}}'
	done
	logon 2026-03-25T10:00:00.000Z t25 trent@contoso.com pc-0001
	ev 2026-03-25T10:10:00.000Z m25 trent@contoso.com email_sent "" \
	    ',"email":{"from":{"address":["elif@contoso.com"]},"to":{"address":["all@contoso.com"]}}'
	ev 2026-03-26T09:00:00.000Z hr1 trent@contoso.com hr_resignation \
	    ',"hr":{"resignation_date":"2026-03-26T00:00:00.000Z","last_working_date":"2026-03-31T00:00:00.000Z"}'
	logon 2026-03-31T08:00:00.000Z t31 trent@contoso.com pc-0232
} | sort >"$TMP/cert"
irm-score -p "$TMP/dep.json" --final "$TMP/cert" >"$TMP/dep" 2>>"$TMP/err"
check "email_as_other alone is under min_score: no indicator insight" sh -c \
    '! grep -q "\"insight\":\"indicator\"" "$1"' sh "$TMP/dep"
check "the risk insight: two new parts, 53, medium" sh -c \
    'grep "\"insight\":\"risk\"" "$1" | grep -q "\"score\":53,\"severity\":\"medium\""' sh "$TMP/dep"
check "its parts are email_as_other and logon_new_host, new" sh -c \
    'grep "\"insight\":\"risk\"" "$1" | grep -o "\"indicator\":\"[a-z_]*\",\"kind\":\"[a-z]*\"" | sort | tr "\n" " " |
     grep -qx "\"indicator\":\"email_as_other\",\"kind\":\"new\" \"indicator\":\"logon_new_host\",\"kind\":\"new\" "' sh "$TMP/dep"
check "nothing on stderr" test ! -s "$TMP/err"
