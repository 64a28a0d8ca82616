#!/bin/sh
# irm-score's impersonation trigger (irm-score(1) TRIGGERS, User risk):
# on one day a first mail in another user's name and a logon on a host
# the user never logged on to bring the user into the security
# templates' scope, as a security alert does, and user risk takes it as
# it takes a resignation: CERT's saboteur is caught on an extract without
# HR rows or alerts.  Either alone, or a mail in another's name that is
# the user's routine, is nothing.  A user named by an account id mails
# in another's name when the sender bears another's name (CERT's ids are
# initials), never from an address in his own.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 10
cat >"$TMP/sec.json" <<'JSON'
{"name": "sec", "template": "security_violations"}
JSON
cat >"$TMP/leaks.json" <<'JSON'
{"name": "leaks", "template": "data_leaks"}
JSON
logon() { # TIME ID USER HOST
	ev "$1" "$2" "$3" logon "" ',"host":{"name":"'"$4"'"}'
}
mail() { # TIME ID USER FROM
	ev "$1" "$2" "$3" email_sent "" \
	    ',"email":{"from":{"address":["'"$4"'"]},"to":{"address":["ann@contoso.com","bob@contoso.com"]}}'
}
# history USER FROM [AS-DAY]: USER's logon on pc-0232 and a mail from
# FROM on 17 weekdays from 2026-03-02; on AS-DAY (of March) the mail is
# from elif@contoso.com instead.
history() {
	for d in 02 03 04 05 06 09 10 11 12 13 16 17 18 19 20 23 24; do
		logon "2026-03-${d}T08:00:00.000Z" "$1-l$d" "$1" pc-0232
		_f=$2
		[ "$d" = "${3:-}" ] && _f=elif@contoso.com
		mail "2026-03-${d}T09:00:00.000Z" "$1-m$d" "$1" "$_f"
	done
}
# day25 USER HOST FROM: on 2026-03-25 USER logs on to HOST and mails from
# FROM at night; then history days to the 31st on pc-0232.
day25() {
	logon 2026-03-25T21:00:00.000Z "$1-l25" "$1" "$2"
	mail 2026-03-25T21:10:00.000Z "$1-m25" "$1" "$3"
	for d in 26 27 30 31; do
		logon "2026-03-${d}T08:00:00.000Z" "$1-l$d" "$1" pc-0232
	done
}
# risk FILE POLICY: day, score, severity, trigger and parts of the risk
# insights.
risk() {
	irm-score -p "$2" --final "$1" >"$TMP/out"
	jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.severity,
	    .irm.trigger.activity,
	    ([.irm.parts[]|.indicator+"/"+.kind]|sort|join(","))]|join(" ")' "$TMP/out"
}

# 1. trent@, with 17 days of history, logs on to his supervisor's PC at
#    night and mails the staff in her name: three new parts (the mail as
#    another, the host and his first logon after hours), (25 + 10 + 5)
#    x1.5 = 60, medium, with no HR file and no alert; the trigger is the
#    impersonation.  Before, no trigger and no alert.
{
	history trent@contoso.com trent@contoso.com
	day25 trent@contoso.com pc-0001 elif@contoso.com
} | sort >"$TMP/trent.jsonl"
risk "$TMP/trent.jsonl" "$TMP/sec.json" >"$TMP/got"
echo "2026-03-25 60 medium impersonation after_hours_logon/new,email_as_other/new,logon_new_host/new" >"$TMP/want"
check_same "a first mail as another on a new host: medium" "$TMP/got" "$TMP/want"
jq -r 'select(.irm.insight == "risk") | .irm.trigger["@timestamp"]' "$TMP/out" >"$TMP/got"
echo "2026-03-25T00:00:00.000Z" >"$TMP/want"
check_same "... the trigger's time is 00:00 of the day" "$TMP/got" "$TMP/want"

# 2. The data templates do not take it.
irm-score -p "$TMP/leaks.json" --final "$TMP/trent.jsonl" >"$TMP/got"
check_same "... not in data_leaks" "$TMP/got" /dev/null

# 3. The mail in another's name on his own PC: none.
{
	history own@contoso.com own@contoso.com
	day25 own@contoso.com pc-0232 elif@contoso.com
} | sort >"$TMP/own.jsonl"
risk "$TMP/own.jsonl" "$TMP/sec.json" >"$TMP/got"
check_same "a mail as another on the usual host: none" "$TMP/got" /dev/null

# 4. A new host and his own mail: none (a new laptop).
{
	history new@contoso.com new@contoso.com
	day25 new@contoso.com pc-0001 new@contoso.com
} | sort >"$TMP/new.jsonl"
risk "$TMP/new.jsonl" "$TMP/sec.json" >"$TMP/got"
check_same "a new host and the user's own mail: none" "$TMP/got" /dev/null

# 5. An assistant who mailed in the boss's name before: not the first
#    time, none.
{
	history asst@contoso.com asst@contoso.com 10
	day25 asst@contoso.com pc-0001 elif@contoso.com
} | sort >"$TMP/asst.jsonl"
risk "$TMP/asst.jsonl" "$TMP/sec.json" >"$TMP/got"
check_same "a mail as another that is not the first: none" "$TMP/got" /dev/null

# 6. A user named by an account id (CERT): the mail in another's name is a
#    sender he has not sent from; the same risk.
sed 's/trent@contoso.com/dtaa\/tra0232/g; s/"address":\["dtaa\/tra0232"\]/"address":["Trent.Ray@dtaa.com"]/' \
    "$TMP/trent.jsonl" >"$TMP/cert.jsonl"
risk "$TMP/cert.jsonl" "$TMP/sec.json" | cut -d' ' -f1-4 >"$TMP/got"
echo "2026-03-25 60 medium impersonation" >"$TMP/want"
check_same "an account id mailing from a new sender on a new host: medium" "$TMP/got" "$TMP/want"

# 8. CERT's ids are the initials of the name the mail is sent from: a
#    sender in another's name is another's from the first mail, so a
#    saboteur who mailed on two days before is caught (before: none, 5
#    days of mail were needed).
grep -v '"id":"dtaa/tra0232-m\(0[4-9]\|1\|2[0-4]\)' "$TMP/cert.jsonl" |
    sed 's/elif@contoso.com/Elif.Demir@dtaa.com/' >"$TMP/few.jsonl"
risk "$TMP/few.jsonl" "$TMP/sec.json" | cut -d' ' -f1-4 >"$TMP/got"
check_same "an account id mailing in another's name after two days of mail: medium" "$TMP/got" "$TMP/want"

# 9. A sender in the user's own name (Trent_Ray@aol.com, his mail from
#    home) is never another's: none (before: medium).
sed 's/elif@contoso.com/Trent_Ray@aol.com/' "$TMP/cert.jsonl" >"$TMP/home.jsonl"
risk "$TMP/home.jsonl" "$TMP/sec.json" >"$TMP/got"
check_same "an account id mailing from an address in his own name: none" "$TMP/got" /dev/null

# 7. The policy's triggers may leave it out.
cat >"$TMP/alerts.json" <<'JSON'
{"name": "sec", "template": "security_violations", "triggers": ["security_alert"]}
JSON
risk "$TMP/trent.jsonl" "$TMP/alerts.json" >"$TMP/got"
check_same "a policy without the trigger: none" "$TMP/got" /dev/null
done_testing
