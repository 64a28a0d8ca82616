#!/bin/sh
# logon_new_host (issue 16, the CERT path): a logon to a workstation the
# user has not logged on to in the look-back counts once, only after 5
# days with sign-ins, with the host compared ignoring case (CERT writes
# PC-0010, Windows pc-0010), and --state remembers the hosts.  In the
# security templates it makes the CERT sabotage shape a risk insight: a
# departing administrator with weeks of history who logs on to another
# machine and sends mail as another mailbox for the first time has two
# new parts (10 + 25, x1.5 = 53, medium), where email_as_other alone
# stayed under min_score (31).  The CMU CERT dataset names users by an
# account id (DTAA/LAP0338) and their mail by its sender address, so for
# such a user email_as_other counts a sender the user has not sent from
# in the look-back, after 5 days of sent mail (before, every mail of the
# real dataset counted); end to end from CERT CSV files.
. "$(dirname "$0")/lib.sh"
plan 12
security_all "$TMP/all.json"
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

# The CERT CSV shape: users by account id, mail by sender address.
# lap0338 mails on 6 days from his own address, then once as the
# supervisor and once as himself again (in capitals); the supervisor
# mails from her own address (CERT ids are the initials of the name).
mkdir "$TMP/csv"
{
	echo "id,date,user,pc,to,cc,bcc,from,size,attachments,content"
	for d in 02 03 04 05 06 09; do
		echo "{M$d},03/$d/2026 09:00:00,DTAA/LAP0338,PC-5758,ann@contoso.com,,,Lynn.Adena.Pratt@contoso.com,2000,0,x"
		echo "{S$d},03/$d/2026 09:30:00,DTAA/EVC0001,PC-0001,ann@contoso.com,,,Elif.V.Clark@contoso.com,2000,0,x"
	done
	echo "{M10},03/10/2026 20:00:00,DTAA/LAP0338,PC-5758,all@contoso.com,,,Elif.V.Clark@contoso.com,2000,0,x"
	echo "{M11},03/11/2026 09:00:00,DTAA/LAP0338,PC-5758,ann@contoso.com,,,LYNN.ADENA.PRATT@contoso.com,2000,0,x"
} >"$TMP/csv/email.csv"
irm-norm "$TMP/csv/email.csv" 2>>"$TMP/err" | sort >"$TMP/csv.ev"
irm-score -p "$TMP/all.json" --final "$TMP/csv.ev" >"$TMP/csvout" 2>>"$TMP/err"
jq -r 'select(.irm.indicator == "email_as_other") |
    [.user.name, .irm.day, .irm.count] | join(" ")' "$TMP/csvout" >"$TMP/got"
echo "dtaa/lap0338 2026-03-10 1" >"$TMP/want"
check_same "an account id: a new sender counts once, the usual one (case aside) never" "$TMP/got" "$TMP/want"
irm-score -p "$TMP/all.json" --state "$TMP/cstate" "$TMP/csv.ev" >/dev/null 2>>"$TMP/err"
check "--state keeps the days of sent mail" \
    grep -q '"signin":\[[0-9-]*,[0-9-]*,\[.*\],[5-9],[0-9]*\]' "$TMP/cstate"
head -n 12 "$TMP/csv.ev" >"$TMP/csv1.ev"
tail -n 1 "$TMP/csv.ev" >"$TMP/csv2.ev"
irm-score -p "$TMP/all.json" --state "$TMP/cstate2" "$TMP/csv1.ev" >/dev/null 2>>"$TMP/err"
irm-score -p "$TMP/all.json" --state "$TMP/cstate2" --final "$TMP/csv2.ev" >"$TMP/run3" 2>>"$TMP/err"
check "a later run knows the user's own address: nothing counts" \
    sh -c '! grep -q email_as_other "$1"' sh "$TMP/run3"
sed 's/\(,"signin":\[[0-9-]*,[0-9-]*,\[.*\]\),[0-9]*,[0-9-]*\]/\1]/' "$TMP/cstate" >"$TMP/old"
check "a state of the sign-in memory without the mail days loads" sh -c \
    'grep -q "\"signin\":\[[0-9-]*,[0-9-]*,\[.*\]\]" "$1" &&
     irm-score -p "$2" --state "$1" "$3" >/dev/null' sh "$TMP/old" "$TMP/all.json" "$TMP/csv2.ev"
check "nothing on stderr" test ! -s "$TMP/err"
