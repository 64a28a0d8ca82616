#!/bin/sh
# Identities with control characters (irm-event(5)): a UserId or target
# user holding a C0 control (tab, newline, ESC), DEL, a C1 control
# (U+009B) or a bidi override or isolate (U+202E, U+2066) is rejected,
# with a message naming the input and line and the record in the reject
# file; spaces and tabs around it are trimmed as before.  So
# `irm-norm -k user` has exactly one tab on every line, always.
. "$(dirname "$0")/lib.sh"

plan 9

# rec N USERID: an O365 SharePoint download by USERID (JSON text).
rec() {
	printf '{"CreationTime":"2026-03-02T10:00:%02d","Id":"id-%s","Operation":"FileDownloaded","Workload":"SharePoint","RecordType":6,"UserId":"%s","ObjectId":"https://contoso.sharepoint.com/a.docx"}\n' "$1" "$1" "$2"
}
{
	rec 1 'alice@contoso.com'
	rec 2 'bad\tbob@contoso.com'
	rec 3 'carol@contoso.com\nmallory@contoso.com'
	rec 4 '\u001b[31mdave@contoso.com'
	rec 5 'eve\u009b@contoso.com'
	rec 6 'moc.osotnoc@\u202eeve'
	rec 7 '\u2066frank@contoso.com\u2069'
	rec 8 'grace\u007f@contoso.com'
	rec 9 '\tHeidi@Contoso.com \t'
	printf '%s\n' '{"CreationTime":"2026-03-02T10:00:10","Id":"id-10","Operation":"Delete user.","Workload":"AzureActiveDirectory","RecordType":8,"UserId":"ivan@contoso.com","ObjectId":"x@contoso.com","Target":[{"ID":"judy\u0009x@contoso.com","Type":5}]}'
	rec 11 'ivan@contoso.com'
} >"$TMP/in.jsonl"
# A CSV source as well: a tab inside a quoted user cell.
printf 'id,date,user,pc,filename,content\n{X1},06/21/2010 15:07:33,"LKJ\t2284",PC-2207,C:\\a.xls,x\n{X2},06/21/2010 15:07:34,LKJ2285,PC-2207,C:\\b.xls,x\n' >"$TMP/cert-file.csv"

irm-norm -k user -r "$TMP/rej" "$TMP/in.jsonl" >"$TMP/out" 2>"$TMP/err"
check "hostile identities: exit 1" test $? = 1
check "-k user: exactly one tab on every line" \
    awk -F '\t' 'NF != 2 { exit 1 }' "$TMP/out"
check "the good records pass, trimmed and lower-cased" \
    test "$(cut -f 1 "$TMP/out" | tr '\n' ' ')" = "alice@contoso.com heidi@contoso.com ivan@contoso.com "
check "every hostile user is rejected, with input and line" \
    test "$(grep -c "in.jsonl:[2-8]: control character in user$" "$TMP/err")" = 7
check "a hostile target user is rejected too" \
    grep -q "in.jsonl:10: control character in target user$" "$TMP/err"
check "the hostile records are in the reject file" \
    test "$(wc -l <"$TMP/rej")" = 8
check "nothing else is said" test "$(wc -l <"$TMP/err")" = 8

irm-norm -f cert -k user "$TMP/cert-file.csv" >"$TMP/out" 2>"$TMP/err"
check "a CSV user with a tab: rejected, exit 1" \
    sh -c "test $? = 1 && grep -q 'cert-file.csv:2: control character in user' '$TMP/err'"
check "CSV: -k user has one tab per line" \
    awk -F '\t' 'NF != 2 { bad = 1 } END { exit bad || NR != 1 }' "$TMP/out"
done_testing
