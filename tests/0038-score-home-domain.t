#!/bin/sh
# irm-score's home domain (irm-policy(5) domains): when the settings name
# no internal domain, a mail's recipient in the sender's own domain is
# internal, the sender being the user's address or, for a user named by
# an account id (CERT), the mail's sender; other domains stay external,
# and a list that names the domain, or any internal domain, wins.  A
# mailbox of the user's own (email_self) is at a free mail service for
# persons or in an unallowed domain, not at a customer.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
plan 8

printf '{"name": "leaks", "template": "data_leaks", "alert": {"min_score": 1}}\n' >"$TMP/leaks.json"
# mails USER FROM TO...: a mail with one attachment from FROM to each TO
# on Monday 2026-03-02, a minute apart from 10:00.
mails() {
	_u=$1 _f=$2 _i=10
	shift 2
	for _t in "$@"; do
		ev "2026-03-02T10:${_i}:00.000Z" "$_u-$_i" "$_u" email_sent \
		    ',"attachments":1' \
		    ',"email":{"from":{"address":["'"$_f"'"]},"to":{"address":["'"$_t"'"]}}'
		_i=$((_i + 1))
	done
}
# indicators SETTINGS FILE: user, indicator and count of the insights.
indicators() {
	irm-score ${1:+-s "$1"} -p "$TMP/leaks.json" --final "$2" |
	    jq -r 'select(.irm.insight == "indicator") | [.user.name, .irm.indicator, .irm.count]|join(" ")' |
	    sort
}
colleagues() { # USER FROM DOMAIN
	mails "$1" "$2" a@"$3" b@"$3" c@"$3" d@"$3" e@"$3" f@"$3" g@"$3" \
	    h@"$3" i@"$3" j@"$3" k@"$3" l@"$3"
}

# 1. CERT: a user named by an account id mails twelve colleagues at the
#    sender's domain: nothing scored without settings (before: 12
#    external attachments, an insight).
colleagues dtaa/lap0338 Lynn.Adena.Pratt@dtaa.com dtaa.com >"$TMP/cert.jsonl"
indicators "" "$TMP/cert.jsonl" >"$TMP/got"
check_same "an account id's mail to the sender's domain: internal" "$TMP/got" /dev/null

# 2. The same to a customer's domain: external.
colleagues dtaa/lap0338 Lynn.Adena.Pratt@dtaa.com relecloud.com >"$TMP/out.jsonl"
indicators "" "$TMP/out.jsonl" >"$TMP/got"
echo "dtaa/lap0338 email_external_attachments 12" >"$TMP/want"
check_same "... to another domain: external" "$TMP/got" "$TMP/want"

# 3. A user named by an address: the user's domain, whatever the sender.
colleagues ann@contoso.com shared@contoso.net contoso.com >"$TMP/upn.jsonl"
indicators "" "$TMP/upn.jsonl" >"$TMP/got"
check_same "a user's mail to the user's own domain: internal" "$TMP/got" /dev/null

# 4. Settings that name an internal domain name them all: dtaa.com is
#    then external.
printf '{"domains": {"internal": ["contoso.com"]}}\n' >"$TMP/internal.json"
indicators "$TMP/internal.json" "$TMP/cert.jsonl" >"$TMP/got"
echo "dtaa/lap0338 email_external_attachments 12" >"$TMP/want"
check_same "settings with internal domains: the sender's domain is not one" "$TMP/got" "$TMP/want"

# 5. A sender's domain the settings call unallowed stays unallowed: mail
#    from a webmail account to the same webmail.
printf '{"domains": {"unallowed": ["gmail.com"]}}\n' >"$TMP/unallowed.json"
mails dtaa/lap0338 lynn.pratt@gmail.com x@gmail.com >"$TMP/gmail.jsonl"
indicators "$TMP/unallowed.json" "$TMP/gmail.jsonl" >"$TMP/got"
cat >"$TMP/want" <<'OUT'
dtaa/lap0338 email_external_attachments 1
dtaa/lap0338 email_personal_domain 1
OUT
check_same "an unallowed sender's domain: still unallowed" "$TMP/got" "$TMP/want"

# 6. Mail to oneself at the own domain is no mail to a personal address.
mails ann@contoso.com ann@contoso.com ann@contoso.com >"$TMP/self.jsonl"
indicators "" "$TMP/self.jsonl" >"$TMP/got"
check_same "a user's mail to the own address: not email_self" "$TMP/got" /dev/null

# 7. A namesake at a customer is not the user's own mailbox (before:
#    email_self; irm-gen -u 200 -d 60 -s 116, a high risk of 100 with a
#    mail to hiroshi.wagner@wideworldimporters.com, a contact three
#    colleagues mail too); the same name at outlook.com is.
mails ann@contoso.com ann@contoso.com ann@relecloud.com ann.home@outlook.com >"$TMP/name.jsonl"
indicators "" "$TMP/name.jsonl" >"$TMP/got"
cat >"$TMP/want" <<'OUT'
ann@contoso.com email_external_attachments 2
ann@contoso.com email_self 1
OUT
check_same "a namesake at a customer: not email_self; at a mail service: email_self" "$TMP/got" "$TMP/want"

# 8. A domain the settings call unallowed is no customer.
printf '{"domains": {"unallowed": ["relecloud.com"]}}\n' >"$TMP/relecloud.json"
indicators "$TMP/relecloud.json" "$TMP/name.jsonl" | grep email_self >"$TMP/got"
echo "ann@contoso.com email_self 2" >"$TMP/want"
check_same "... in an unallowed domain: email_self" "$TMP/got" "$TMP/want"
done_testing
