#!/bin/sh
# CERT departures from LDAP (issue 16, the CERT path): the CMU CERT
# dataset has no HR file; a user who leaves is listed in the monthly
# LDAP snapshots (LDAP/YYYY-MM.csv) up to the month of leaving and in
# none after.  irm-norm ends a run that read snapshots with one
# account_deleted event per such account, dated the first day of the
# first snapshot without it and named as the activity rows name users
# (DTAA/BBB0002), so the departing templates see the leaver.  Before,
# every LDAP row was skipped and a CERT leaver was never leaving.
. "$(dirname "$0")/lib.sh"
plan 10
command -v jq >/dev/null || { echo "1..0 # SKIP jq missing"; exit 0; }
mkdir -p "$TMP/LDAP" "$TMP/other"
HEAD=employee_name,user_id,email,role,business_unit,functional_unit,department,team,supervisor
# snap MONTH ID...: a snapshot listing the accounts.
snap() {
	_f="$TMP/LDAP/$1.csv"; shift
	echo "$HEAD" >"$_f"
	for _id; do echo "N $_id,$_id,$_id@dtaa.com,R,1,F,D,T," >>"$_f"; done
}
snap 2010-01 AAA0001 BBB0002 CCC0003
snap 2010-02 AAA0001 BBB0002
snap 2010-03 AAA0001 CCC0003
# Bob copies 10 files to USB on 2010-02-10 (r4.2 file.csv: each row is
# a copy to removable media); Ann logs on.
{
	echo id,date,user,pc,filename,content
	i=0
	while [ $i -lt 10 ]; do
		i=$((i + 1))
		echo "{F$i},02/10/2010 10:0$((i % 10)):00,DTAA/BBB0002,PC-2,R:\\x$i.doc,x"
	done
} >"$TMP/file.csv"
printf 'id,date,user,pc,activity\n{L1},01/04/2010 08:00:00,DTAA/AAA0001,PC-1,Logon\n' >"$TMP/logon.csv"

irm-norm "$TMP/logon.csv" "$TMP/file.csv" "$TMP"/LDAP/*.csv >"$TMP/ev" 2>"$TMP/err"
echo $? >"$TMP/rc"
gone() { jq -r 'select(.irm.activity == "account_deleted") |
    [."@timestamp", .user.name, .user.target.name, .event.dataset,
     (.event.id | test("^sha256:[0-9a-f]{64}$"))] | @tsv' "$1"; }
gone "$TMP/ev" >"$TMP/got"
printf '2010-03-01T00:00:00.000Z\tdtaa/bbb0002\tdtaa/bbb0002\tcert.ldap\ttrue\n' >"$TMP/want"
check_same "a leaver: one account_deleted, dated the first snapshot without them" "$TMP/got" "$TMP/want"
check "exit 0 and nothing on stderr" sh -c "[ \$(cat '$TMP/rc') = 0 ] && [ ! -s '$TMP/err' ]"
irm-norm "$TMP"/LDAP/2010-03.csv "$TMP"/LDAP/2010-01.csv "$TMP"/LDAP/2010-02.csv \
    "$TMP/file.csv" "$TMP/logon.csv" | gone /dev/stdin >"$TMP/got2"
check_same "snapshots in any order, activity after them: the same" "$TMP/got2" "$TMP/want"
check "CCC0003, missing in one month and back, has not left" \
    sh -c "! grep -q ccc0003 '$TMP/got'"
irm-norm "$TMP"/LDAP/*.csv | gone /dev/stdin | cut -f 2 >"$TMP/got3"
echo bbb0002 >"$TMP/want3"
check_same "without activity rows the account id alone" "$TMP/got3" "$TMP/want3"
cp "$TMP/LDAP/2010-03.csv" "$TMP/other/ldap-latest.csv"
irm-norm "$TMP/LDAP/2010-01.csv" "$TMP/other/ldap-latest.csv" >"$TMP/ev4" 2>"$TMP/err4"
check "a snapshot not named YYYY-MM.csv is reference data: no event, no message" \
    sh -c "[ ! -s '$TMP/ev4' ] && [ ! -s '$TMP/err4' ]"
irm-norm "$TMP/LDAP/2010-03.csv" >"$TMP/ev5"
check "one snapshot: nobody has left" test ! -s "$TMP/ev5"
# With -p no account id is left anywhere, event.id included (it hashes
# the account's last LDAP row, as records without ids are hashed).
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$TMP/key"
chmod 600 "$TMP/key"
irm-norm -p "$TMP/key" "$TMP/logon.csv" "$TMP/file.csv" "$TMP"/LDAP/*.csv >"$TMP/evp"
check "pseudonymized (-p): the departure is there, no account id in it" sh -c \
    "grep -q '\"account_deleted\"' '$TMP/evp' && ! grep -qi 'bbb0002' '$TMP/evp'"

# End to end: the departing template's window around the deletion.
echo '{"name": "dep", "template": "data_theft_departing"}' >"$TMP/dep.json"
trig() { jq -r 'select(.user.name == "dtaa/bbb0002") | .irm.trigger.activity' "$1" | sort -u; }
sort "$TMP/ev" | irm-score -p "$TMP/dep.json" --final >"$TMP/ins"
echo account_deleted >"$TMP/want6"
trig "$TMP/ins" >"$TMP/got6"
check_same "data_theft_departing scores Bob's USB copies, triggered by the deletion" \
    "$TMP/got6" "$TMP/want6"
irm-norm "$TMP/logon.csv" "$TMP/file.csv" | sort |
    irm-score -p "$TMP/dep.json" --final >"$TMP/ins0"
check "without the snapshots Bob is not leaving: no insight" test ! -s "$TMP/ins0"
