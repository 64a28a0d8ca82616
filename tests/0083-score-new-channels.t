#!/bin/sh
# irm-score's user risk without a trigger (irm-score(1) User risk): a
# user who takes up two channels into the own hands or more, each new,
# on three days or more of two weeks, one of them with priority content,
# has a risk under the data leaks template, whose own exfiltration
# trigger is no reason on its own.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
S=$TESTS/data/score/scenario
plan 8

printf '{"name": "leaks", "template": "data_leaks"}\n' >"$TMP/leaks.json"
HC=',"label":"d9f23ae3-a239-45ea-bf23-f515f824c57b"'
# history USER: the 25 weekdays from 2026-02-02 to 2026-03-06, two
# SharePoint downloads a day and nothing else (lib.sh's weekdays).
history() { weekdays "$1" 2026-02-02 33 09; }
# burst USER DAY N HOUR ACTIVITY NAME [IRM-EXTRA [TOP-EXTRA]]: N events
# a minute apart from HOUR:00 on DAY, on the files NAME0.xlsx, ...
burst() {
	k=0
	while [ $k -lt "$3" ]; do
		ev "$2T$4:0$k:00.000Z" "$5-$2-$k" "$1" "$5" "${7:-}" \
		    ',"file":{"name":"'"$6$k"'.xlsx"}'"${8:-}"
		k=$((k + 1))
	done
}
# usb USER DAY N [IRM-EXTRA]: N copies to USB media at 11:00 on DAY.
usb() { burst "$1" "$2" "$3" 11 usb_copied plan "${4:-}"; }
# home USER DAY: one mail with an attachment to the user's Gmail at 14:00.
home() {
	ev "$2T14:00:00.000Z" "m-$2" "$1" email_sent ',"attachments":1' \
	    ',"email":{"to":{"address":["lee.home@gmail.com"]}}'
}
# drop USER DAY N: N uploads to the user's Dropbox at 15:00 on DAY.
drop() {
	burst "$1" "$2" "$3" 15 cloud_uploaded notes "" \
	    ',"url":{"full":"https://www.dropbox.com/up","domain":"www.dropbox.com"}'
}
sed 's/"unallowed": \["gmail.com"\]/"unallowed": ["gmail.com", "*.dropbox.com"]/' \
    "$S/settings.json" >"$TMP/settings.json"
# risk FILE: the risk insights, a line each: day, score, severity, parts
# (indicator/kind/points) and the risk factor's detail.
risk() {
	irm-score -s "$TMP/settings.json" -p "$TMP/leaks.json" --final "$1" 2>>"$TMP/err" |
	    jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.severity,
	        ([.irm.parts[] | .indicator + "/" + .kind + "/" + (.points | tostring)] | join(",")),
	        .irm.factors[0].detail] | join(" ")'
}

# 1. lee@, with a quiet history and no trigger but her own exfiltration,
#    copies 3 Highly Confidential files to USB media on Tuesday
#    2026-03-10 (her first), mails a file to her Gmail on Thursday (her
#    first) and copies one more on Monday 03-16: two new channels on
#    three days, one with priority content: usb_copy 20 + the personal
#    mail 25 (email_personal_domain), 45 x 1.5 = 67.5, 68, high, from
#    the third day on.  A thin multi-channel leaver without HR rows had
#    no alert before.
{
	history lee@contoso.com
	usb lee@contoso.com 2026-03-10 3 "$HC"
	home lee@contoso.com 2026-03-12
	usb lee@contoso.com 2026-03-16 1 "$HC"
} | sort >"$TMP/lee.jsonl"
risk "$TMP/lee.jsonl" >"$TMP/got"
check "two new channels on three days, one with priority content: a risk" \
    grep -q '^2026-03-16 ' "$TMP/got"
head -n 1 "$TMP/got" >"$TMP/last"
echo "2026-03-16 68 high usb_copy/new/20,email_personal_domain/new/25 2 parts, 2 indicators of the last 14 days >= 2, 2 new channels used on 3 days, over the 30 days to the day" >"$TMP/want"
check_same "... its score, parts and detail" "$TMP/last" "$TMP/want"

# 2. The same on two days only (no second copy): no risk.
grep -v '"usb_copied-2026-03-16-' "$TMP/lee.jsonl" >"$TMP/two.jsonl"
risk "$TMP/two.jsonl" >"$TMP/got"
check_same "two new channels on two days: no risk" "$TMP/got" /dev/null

# 3. The same with ordinary files (no label): nothing but one file to an
#    unallowed domain points at the data, no risk.
sed "s/$HC//" "$TMP/lee.jsonl" >"$TMP/plain.jsonl"
risk "$TMP/plain.jsonl" >"$TMP/got"
check_same "new channels for ordinary files: no risk" "$TMP/got" /dev/null

# 4. One channel, new, on three days with priority content: no risk
#    (the mail is a copy to USB media instead).
sed 's/"email_sent","attachments":1}/"usb_copied"},"file":{"name":"x.xlsx"}/; s/,"email":{"to":{"address":\["lee.home@gmail.com"\]}}//' \
    "$TMP/lee.jsonl" >"$TMP/one.jsonl"
risk "$TMP/one.jsonl" >"$TMP/got"
check_same "one new channel on three days: no risk" "$TMP/got" /dev/null

# 5. A user who copied to USB media before (on 2026-02-10): the channel
#    is not new, one new channel is left, no risk.
{
	cat "$TMP/lee.jsonl"
	usb lee@contoso.com 2026-02-10 1
} | sort >"$TMP/had.jsonl"
risk "$TMP/had.jsonl" >"$TMP/got"
check_same "a channel used before is not new: no risk" "$TMP/got" /dev/null

# 6. The personal habit: one ordinary file to her Gmail, and one to her
#    Dropbox on each of two days, all of them firsts: two new channels on
#    three days, but each points by one file of her own, no risk.
{
	history lee@contoso.com
	home lee@contoso.com 2026-03-10
	drop lee@contoso.com 2026-03-12 1
	drop lee@contoso.com 2026-03-16 1
} | sort >"$TMP/habit.jsonl"
risk "$TMP/habit.jsonl" >"$TMP/got"
check_same "one file of her own at a time to new destinations: no risk" "$TMP/got" /dev/null

# 7. Ordinary files copied to USB media for the first time on two days,
#    and two files uploaded to her Dropbox for the first time between:
#    the copies point at nothing, so one new channel is left, no risk.
{
	history lee@contoso.com
	usb lee@contoso.com 2026-03-10 3
	drop lee@contoso.com 2026-03-12 2
	usb lee@contoso.com 2026-03-16 1
} | sort >"$TMP/mixed.jsonl"
risk "$TMP/mixed.jsonl" >"$TMP/got"
check_same "a new channel for ordinary files does not count: no risk" "$TMP/got" /dev/null
