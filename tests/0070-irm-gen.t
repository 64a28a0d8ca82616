#!/bin/sh
# irm-gen: a tenant irm-norm reads without a reject, the same bytes for
# the same seed, the answer key and the scenario options, and (on the
# default seed) an alert from its own policy for every planted scenario.
. "$(dirname "$0")/lib.sh"

plan 35

A=$TMP/a
check "irm-gen writes a tenant" irm-gen -v -u 40 -d 30 -s 5 "$A"
check "a second run with the same options" irm-gen -u 40 -d 30 -s 5 "$TMP/b"
check "same seed and options: byte-identical files" diff -r "$A" "$TMP/b"
irm-gen -u 40 -d 30 -s 6 "$TMP/c"
check_rc "another seed: other records" 1 \
    cmp -s "$A/raw/2026-03-03-audit.jsonl" "$TMP/c/raw/2026-03-03-audit.jsonl"

ls "$A" >"$TMP/top"
printf '%s\n' answers.csv directory.csv policies priority-users.txt raw \
    settings.json >"$TMP/want"
check_same "the tenant's files" "$TMP/top" "$TMP/want"
ls "$A/raw" | sed 's/^[0-9-]*-//' | sort -u >"$TMP/kinds"
printf '%s\n' alerts.jsonl audit.jsonl badge.json hr.csv >"$TMP/want"
check_same "raw files of four sources" "$TMP/kinds" "$TMP/want"
check "raw files of 30 days, from 2026-03-02" sh -c \
    "ls '$A/raw' | cut -c1-10 | sort -u | sed -n '1p;\$p;\$=' |
    tr '\n' ' ' | grep -qx '2026-03-02 2026-03-31 30 '"

irm-norm "$A"/raw/* >"$TMP/events" 2>"$TMP/norm.err"
echo $? >"$TMP/rc"
echo 0 >"$TMP/want"
check_same "irm-norm: exit 0" "$TMP/rc" "$TMP/want"
check "irm-norm: no diagnostics" test ! -s "$TMP/norm.err"
# irm-gen -v counted the records it wrote: one event each.
irm-gen -v -u 40 -d 30 -s 5 "$TMP/d" 2>"$TMP/gen.err"
sed -n 's/.* in, \([0-9]*\) records out.*/\1/p' "$TMP/gen.err" >"$TMP/n"
wc -l <"$TMP/events" | tr -d ' ' >"$TMP/m"
check_same "one event per raw record" "$TMP/m" "$TMP/n"

# (grep -o, not sed's s/.*X/: that backtracks over each 1.5 KB line, 4 s
# of CPU on these 62 MB.)
grep -o '"irm":{"activity":"[a-z_]*"' "$TMP/events" | cut -d '"' -f 6 |
    sort -u >"$TMP/acts"
printf '%s\n' account_changed account_created account_deleted badge_access \
    browser_downloaded cloud_uploaded dlp_matched email_sent hr_job_change \
    file_accessed file_archived file_deleted file_downloaded file_modified \
    file_renamed file_synced file_uploaded hr_resignation hr_review \
    label_changed logon logon_failed network_share_copied password_reset \
    permission_changed printed role_assigned security_alert shared \
    usb_copied usb_mounted web_visited | sort >"$TMP/want"
check_same "the activities of the tenant" "$TMP/acts" "$TMP/want"

check "settings and policies pass irm-score --lint" \
    irm-score -s "$A/settings.json" -p "$A/policies" --lint

cut -d, -f2,5 "$A/answers.csv" >"$TMP/sc"
printf '%s\n' scenario,expected departing-exfil,high job-hunting,high \
    disgruntled,high priority-leak,high slow-exfil,high obfuscate-exfil,high \
    after-hours,high departing-evasion,high slow-leak,medium \
    thin-multichannel,medium cert-leaker,high cert-jobsite-usb,medium \
    cert-sabotage,high lookalike-heavy-downloader,none \
    lookalike-quiet-leaver,none lookalike-partner-sharer,none \
    lookalike-good-review,none >"$TMP/want"
check_same "answers.csv: one user per scenario, with its expected alert" \
    "$TMP/sc" "$TMP/want"

irm-gen -u 40 -d 30 -c departing-exfil=3 -c slow-exfil "$TMP/e"
cut -d, -f2 "$TMP/e/answers.csv" | sort | uniq -c |
    awk '{print $1, $2}' >"$TMP/sc"
printf '%s\n' "3 departing-exfil" "1 scenario" "1 slow-exfil" >"$TMP/want"
check_same "--scenario NAME=N and NAME" "$TMP/sc" "$TMP/want"
irm-gen -u 40 -d 30 -c none "$TMP/f"
check "--scenario none: no planted user" \
    test "$(wc -l <"$TMP/f/answers.csv")" -eq 1

# The population is heavy-tailed: the busiest 1% of users have on
# average at least five times the events of the median user.  (The
# events' users only: --mapped-only halves the 127 MB, grep -o is 5 times
# cheaper than sed's s/.*X/.)
irm-gen -u 300 -d 10 -c none "$TMP/p"
irm-norm --mapped-only "$TMP"/p/raw/*-audit.jsonl |
    grep -o '"user":{"name":"[^"]*"' | cut -d '"' -f 6 | sort | uniq -c |
    sort -rn | awk '{ c[NR] = $1 } END { k = int((NR + 99) / 100)
	for (i = 1; i <= k; i++) top += c[i] / k; med = c[int(NR / 2)]
	print (top >= 5 * med ? "yes" : "no " top " " med) }' >"$TMP/tail"
echo yes >"$TMP/want"
check_same "heavy-tailed: the top 1% at least 5x the median" "$TMP/tail" \
    "$TMP/want"

# The CERT r4.2 format: irm-norm -f cert reads it without a message, one
# event per row; the HR rows are in hr/, the answer key is the same.
C=$TMP/cert
irm-gen -v -f cert -u 40 -d 30 -s 5 "$C" 2>"$TMP/gen.err"
ls "$C/raw" >"$TMP/files"
printf '%s\n' device.csv email.csv file.csv http.csv logon.csv \
    psychometric.csv >"$TMP/want"
check_same "-f cert: the r4.2 files" "$TMP/files" "$TMP/want"
{ irm-norm -f cert "$C"/raw/* && irm-norm "$C"/hr/*; } >"$TMP/cev" \
    2>"$TMP/cnorm.err"
check "-f cert: irm-norm reads it, exit 0 and no diagnostics" \
    test $? = 0 -a ! -s "$TMP/cnorm.err"
sed -n 's/.* in, \([0-9]*\) records out.*/\1/p' "$TMP/gen.err" >"$TMP/n"
wc -l <"$TMP/cev" | tr -d ' ' >"$TMP/m"
check_same "-f cert: one event per record" "$TMP/m" "$TMP/n"
# The CERT files name users by account id (DTAA/ABC1234, dtaa/abc1234
# once irm-norm lower-cases it), as the dataset does; LDAP maps ids to
# addresses, and through it the answer key is the O365 tenant's.
cat "$C"/LDAP/*.csv | awk -F, -v OFS=, '
    FILENAME == "-" { if ($2 != "user_id") id["dtaa/" tolower($2)] = $3; next }
    FNR > 1 { $1 = ($1 in id) ? id[$1] : "unknown " $1 } { print }' \
    - "$C/answers.csv" >"$TMP/cert-answers"
check "-f cert: the same answer key, by account id" cmp "$TMP/cert-answers" "$A/answers.csv"
check "-f cert: users named by account id, as DTAA/ABC1234" sh -c \
    'grep -q "^[{][^,]*,[^,]*,DTAA/[A-Z][A-Z][A-Z][0-9][0-9][0-9][0-9],PC-" "$1" &&
     ! grep -q "^[{][^,]*,[^,]*,[^,]*@" "$1"' sh "$C/raw/logon.csv"

check_rc "a directory that is not empty: exit 3" 3 irm-gen -u 10 -d 2 "$A"
check_rc "an unknown scenario: exit 2" 2 irm-gen -c nosuch "$TMP/g"
check_rc "too few users: exit 2" 2 irm-gen -u 9 "$TMP/g"

# Write errors: standard output on a full disk, and a tenant file cut
# short by the file size limit (SIGXFSZ ignored, so write fails EFBIG).
for opt in --list-scenarios --version --help; do
	irm-gen $opt >/dev/full 2>"$TMP/err"
	check "$opt to a full disk: exit 3 with a message" \
	    test $? = 3 -a -s "$TMP/err"
done
(trap '' XFSZ; ulimit -f 1; exec irm-gen -u 10 -d 2 "$TMP/h") 2>"$TMP/err"
check "a tenant file that cannot be written: exit 3 naming it" sh -c \
    "test $? = 3 && grep -q '^irm-gen: $TMP/h/.*: File too large\$' '$TMP/err'"

# departing-evasion's badge is refused after the last day, even when
# the three days after it are Good Friday, a weekend and Easter Monday
# (seed 4: grace.baker@'s last day is Thursday 2026-04-02; before, no
# swipe at all, and the scenario was its Defender alerts alone).
irm-gen -u 10 -d 40 -s 4 -c departing-evasion=1 --density 0 "$TMP/easter" >/dev/null
cat "$TMP/easter"/raw/*-hr.csv | awk -F, '$2 == "grace.baker@contoso.com" {print $4}' >"$TMP/got"
cat "$TMP/easter"/raw/*-badge.json | grep '"grace.baker@contoso.com"' |
    grep '"Failed"' | sed 's/.*"EventTime":"\([0-9-]*\)T.*/\1/' | sort -u >>"$TMP/got"
printf '2026-04-02T15:00:00Z\n2026-04-07\n' >"$TMP/want"
check_same "departing-evasion: refused at the door after an Easter last day" "$TMP/got" "$TMP/want"

# --personal: a share of the users without a scenario now and then
# upload a file of their own to their Dropbox or mail it to their own
# Gmail (a DLP match names the recipient).  Nothing else changes: the
# same answer key, and every other operation as often as without it.
irm-gen -u 40 -d 30 -s 5 --personal 30 "$TMP/pers" >/dev/null
check "--personal: the same answer key" cmp "$A/answers.csv" "$TMP/pers/answers.csv"
ops() { # DIR: each operation of the audit records and how many
	cat "$1"/raw/*-audit.jsonl | sed 's/.*"Operation":"\([^"]*\)".*/\1/' |
	    sort | uniq -c
}
ops "$A" >"$TMP/ops0"
ops "$TMP/pers" >"$TMP/ops1"
grep -v ' \(Send\|DlpRuleMatch\|FileUploadedToCloud\)$' "$TMP/ops0" >"$TMP/want"
grep -v ' \(Send\|DlpRuleMatch\|FileUploadedToCloud\)$' "$TMP/ops1" >"$TMP/got"
check_same "--personal: every other operation as often" "$TMP/got" "$TMP/want"
personal_users() { # DIR: users who mailed their Gmail or used Dropbox
	cat "$1"/raw/*-audit.jsonl | grep '@gmail.com"\|www.dropbox.com' |
	    sed 's/.*"UserId":"\([^"]*\)".*/\1/' | sort -u
}
personal_users "$A" >"$TMP/pu0"
personal_users "$TMP/pers" >"$TMP/pu1"
cut -d, -f1 "$A/answers.csv" | sort >"$TMP/planted"
check "--personal: users without a scenario who mail their Gmail or use Dropbox" \
    sh -c 'test -n "$(comm -23 "$1" "$2" | comm -23 - "$3")"' sh \
    "$TMP/pu1" "$TMP/pu0" "$TMP/planted"
check_rc "--personal over 100: exit 2" 2 irm-gen --personal 101 "$TMP/g"
# The file they take home is their own, never one of the department's:
# an analyst would want to see a department's file on a Dropbox, so it
# cannot be a habit the answer key calls harmless.
irm-gen -u 40 -d 30 -s 5 --personal 100 "$TMP/all" >/dev/null
cut -d, -f1 "$TMP/all/answers.csv" >"$TMP/planted_all"
grep -h 'www.dropbox.com' "$TMP/all"/raw/*-audit.jsonl |
    grep -v -F -f "$TMP/planted_all" |
    sed 's/.*"ObjectId":"\([^"]*\)".*/\1/; s/.*\\\\//' | sort -u >"$TMP/home"
grep -ho '"ObjectId":"https://contoso.sharepoint.com/sites/[^"]*"' \
    "$TMP/all"/raw/*-audit.jsonl | sed 's/"$//; s,.*/,,' | sort -u >"$TMP/site"
check "--personal: files taken home, none of them a department's" \
    sh -c 'test "$(wc -l <"$1")" -gt 10 && test -z "$(comm -12 "$1" "$2")"' \
    sh "$TMP/home" "$TMP/site"

# The quality report of make eval (irm-gen's defaults: 100 users, 40
# days, seed 1): every scenario caught by the policy made for it.  Not in
# the sanitizer tree, where it took 66 s: 0071 runs bench/eval.sh (every
# scenario planted, the whole pipeline) through the same binaries there.
case ${IRM_TREE:-} in
*/build/asan)
	ok "eval: each scenario alerted by its own policy # SKIP sanitizer tree: 0071 runs eval.sh there"
	done_testing
	;;
esac
sh "$TOP/bench/eval.sh" >"$TMP/eval" 2>&1
grep '^| [a-z-]* | ' "$TMP/eval" | grep -v '^| scenario' |
    grep -v '^| \(slow-leak\|thin-multichannel\|cert-[a-z-]*\|lookalike-[a-z-]*\) ' |
    awk -F' [|] ' '{print $1 " " $5}' | sed 's/^| //' >"$TMP/caught"
printf '%s\n' "departing-exfil yes departing-data-theft" \
    "job-hunting yes departing-data-theft" \
    "disgruntled yes data-leaks-risky-users" \
    "priority-leak yes data-leaks-priority" \
    "slow-exfil yes cumulative-exfiltration" \
    "obfuscate-exfil yes data-leaks" "after-hours yes after-hours" \
    "departing-evasion yes security-departing" >"$TMP/want"
check_same "eval: each scenario alerted by its own policy" "$TMP/caught" \
    "$TMP/want"
