#!/bin/sh
# irm-score's job_search trigger (irm-score(1) TRIGGERS, User risk):
# visits to job sites on 4 days or more of 30 bring a user into the
# departing templates' scope as a resignation does, so CERT's job hunter
# is caught on an extract without HR rows; fewer days, or job sites
# alone, are nothing.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "jq missing"
S=$TESTS/data/score/scenario
plan 14

# visits USER SITE DAYS...: a visit to SITE (a url.domain), its path
# $URLPATH (default /jobs), at 10:00 on each of DAYS (YYYY-MM-DD);
# IRM-EXTRA of ev in $CAT, if set.
visits() {
	_u=$1
	_s=$2
	shift 2
	for _d in "$@"; do
		ev "${_d}T10:00:00.000Z" "w-$_u-$_d" "$_u" web_visited "${CAT:-}" \
		    ',"url":{"full":"https://'"$_s${URLPATH:-/jobs}"'","domain":"'"$_s"'"}'
	done
}
FIVE="2026-03-02 2026-03-03 2026-03-05 2026-03-06 2026-03-09"
# hunter USER SITE DAYS...: 10 active days of history, each with a USB
# copy of a build artefact (tests/lib.sh weekdays), visits to SITE on
# DAYS, then the rise on 10, 11 and 12 March.  No HR file.
hunter() {
	_h=$1
	shift
	{
		weekdays "$_h" 2026-02-23 14 09 usb
		visits "$_h" "$@"
		usb_bursts "$_h" 10 11 12
	} | sort
}
# risk FILE [SETTINGS]: the departing policy's risk insights: day, score,
# parts (indicator/kind/days/points) and the trigger's activity and day.
risk() {
	irm-score -s "${2:-$S/settings.json}" -p "$S/departing.json" "$1" >"$TMP/out"
	jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score,
	    ([.irm.parts[]|.indicator+"/"+.kind+"/"+(.days|tostring)+"/"+(.points|tostring)]|join(",")),
	    .irm.trigger.activity, .irm.trigger["@timestamp"][0:10]]|join(" ")' "$TMP/out"
}

# 1. A job hunter without an HR file: a known job board on 5 days of 30,
#    then ten USB copies on each of three days, a rise each day.  As for
#    a leaver (tests/0033 case 10): 20 x1.5 (repeated) x1.5 (the
#    trigger) = 45, medium; the trigger is the job search, from the
#    fourth day of visits.  Before, no trigger and no alert.
hunter hunt@contoso.com www.monster.com $FIVE >"$TMP/hunt.jsonl"
risk "$TMP/hunt.jsonl" >"$TMP/got"
echo "2026-03-12 45 usb_copy/rise/3/30 job_search 2026-03-06" >"$TMP/want"
check_same "weeks of job search and a USB rise on three days: medium" "$TMP/got" "$TMP/want"

# 2. Visits on 3 days of 30 are curiosity: no trigger, no risk.
hunter three@contoso.com www.monster.com 2026-03-02 2026-03-03 2026-03-05 >"$TMP/three.jsonl"
risk "$TMP/three.jsonl" >"$TMP/got"
check_same "job search on 3 days: none" "$TMP/got" /dev/null

# 3. Five days of visits spread over more than 30 days (at most 3 in
#    any 30): none.
hunter spread@contoso.com www.monster.com 2026-01-20 2026-01-27 2026-02-26 2026-03-05 2026-03-09 >"$TMP/spread.jsonl"
risk "$TMP/spread.jsonl" >"$TMP/got"
check_same "... on 5 days over more than 30: none" "$TMP/got" /dev/null

# 4. Job search alone scores nothing: no insight of any kind.
{
	weekdays look@contoso.com 2026-02-23 14 09 usb
	visits look@contoso.com www.indeed.com $FIVE 2026-03-10 2026-03-11
} | sort >"$TMP/look.jsonl"
irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/look.jsonl" >"$TMP/got"
check_same "job search without a rise: no insight" "$TMP/got" /dev/null

# 5. The window runs from the first day of visits: a day of ten USB
#    copies (medium by the count, 40) during the search is an indicator
#    insight, as after a resignation; one the week before the first
#    visit is not, where a resignation's window reaches 90 days back.
# day_copies DAY [HR]: the history, the visits, ten USB copies on DAY and,
# with HR, a resignation on 2026-03-09.
day_copies() {
	{
		weekdays day@contoso.com 2026-02-23 14 09 usb
		visits day@contoso.com www.monster.com $FIVE
		usb_copies day@contoso.com c "${1}T11:%d:00.000Z" "c-%d.docx" 10 20
		[ -z "${2:-}" ] ||
			ev 2026-03-09T08:00:00.000Z hr-day day@contoso.com hr_resignation \
			    ',"hr":{"resignation_date":"2026-03-09T00:00:00.000Z","last_working_date":"2026-03-31T00:00:00.000Z"}'
	} | sort >"$TMP/day.jsonl"
	irm-score -s "$S/settings.json" -p "$S/departing.json" "$TMP/day.jsonl" |
		jq -r 'select(.irm.insight == "indicator") | [.irm.day, .irm.indicator, .irm.score]|join(" ")'
}
day_copies 2026-03-11 >"$TMP/got"
echo "2026-03-11 usb_copy 40" >"$TMP/want"
check_same "a day of ten USB copies during the job search: an indicator insight" "$TMP/got" "$TMP/want"
day_copies 2026-02-25 >"$TMP/got"
check_same "... the week before the first visit: none" "$TMP/got" /dev/null
day_copies 2026-02-25 hr >"$TMP/got"
echo "2026-02-25 usb_copy 40" >"$TMP/want"
check_same "... where a resignation's window reaches it" "$TMP/got" "$TMP/want"

# 6. Other sites on 5 days are not job search.
hunter news@contoso.com www.nytimes.com $FIVE >"$TMP/news.jsonl"
risk "$TMP/news.jsonl" >"$TMP/got"
check_same "another site on 5 days: none" "$TMP/got" /dev/null

# 7. The settings' web_categories name the job sites when they have a
#    "job search" category (any case and spacing): then a site listed
#    there counts and a known job board that is not does not.
sed 's|^}$|, "web_categories": {"Job Search": ["*.careers.example"]}}|' \
    "$S/settings.json" >"$TMP/settings.json"
hunter cat@contoso.com jobs.careers.example $FIVE >"$TMP/cat.jsonl"
risk "$TMP/cat.jsonl" "$TMP/settings.json" | cut -d' ' -f1,2 >"$TMP/got"
echo "2026-03-12 45" >"$TMP/want"
check_same "a site of the settings' job search category counts" "$TMP/got" "$TMP/want"
risk "$TMP/hunt.jsonl" "$TMP/settings.json" >"$TMP/got"
check_same "... and a job board outside it then does not" "$TMP/got" /dev/null

# 9. The event's own irm.category says job search too.
CAT=',"category":"job_search"' hunter own@contoso.com www.example.org $FIVE >"$TMP/own.jsonl"
risk "$TMP/own.jsonl" | cut -d' ' -f1,2 >"$TMP/got"
check_same "an event's irm.category job search counts" "$TMP/got" "$TMP/want"

# 8. LinkedIn is a job board in its jobs section only.
URLPATH=/jobs/view/4242 hunter li@contoso.com www.linkedin.com $FIVE >"$TMP/li.jsonl"
risk "$TMP/li.jsonl" | cut -d' ' -f1,2 >"$TMP/got"
echo "2026-03-12 45" >"$TMP/want"
check_same "LinkedIn's jobs section counts" "$TMP/got" "$TMP/want"
URLPATH=/feed/ hunter li2@contoso.com www.linkedin.com $FIVE >"$TMP/li2.jsonl"
risk "$TMP/li2.jsonl" >"$TMP/got"
check_same "... the rest of LinkedIn does not" "$TMP/got" /dev/null

# 10. The trigger survives --state: the visits and the first day of the
#    rise in one run, the rest in the next.
grep -v '"2026-03-1[12]' "$TMP/hunt.jsonl" >"$TMP/a.jsonl"
grep '"2026-03-1[12]' "$TMP/hunt.jsonl" >"$TMP/b.jsonl"
rm -f "$TMP/state"
irm-score -s "$S/settings.json" -p "$S/departing.json" --state "$TMP/state" "$TMP/a.jsonl" >"$TMP/out"
irm-score -s "$S/settings.json" -p "$S/departing.json" --state "$TMP/state" --final "$TMP/b.jsonl" >>"$TMP/out"
jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score, .irm.trigger.activity]|join(" ")' "$TMP/out" >"$TMP/got"
echo "2026-03-12 45 job_search" >"$TMP/want"
check_same "... the same in two runs with --state" "$TMP/got" "$TMP/want"
done_testing
