#!/bin/sh
# irm-norm over the published HR connector samples in ../shared/data/hr
# (Purview's documentation: one file per scenario and the multi-scenario
# file): every file is read without error, every row but an employee
# profile becomes one event, and spot values are right, including the
# multi-scenario sample whose job change dates sit in ResignationDate.
# Skipped when the shared data is absent (a user's clone has none).
. "$(dirname "$0")/lib.sh"
have_shared hr || skip_all "no shared data"
command -v jq >/dev/null || skip_all "jq missing"
H=$IRM_SHARED/hr
: "${IRM_NORM:=irm-norm}"
cd "$H" || skip_all "cannot enter $H"
files=$(ls ./*.csv | sed 's|^\./||')
plan $(($(echo "$files" | wc -l) * 2 + 9))

# The events a file should give: one per data row, none for profiles.
events() {
	case $1 in
	employee_profile.csv)
		echo 0 ;;
	*)
		sed 1d "$1" | grep -vc '^Employee profile,' ;;
	esac
}

for f in $files; do
	"$IRM_NORM" "$f" >"$TMP/$f.ev" 2>"$TMP/$f.err"
	rc=$?
	if [ "$rc" = 0 ] && [ ! -s "$TMP/$f.err" ]; then
		ok "$f: exit 0, nothing on stderr"
	else
		not_ok "$f: exit $rc"
		sed 's/^/# /' "$TMP/$f.err" | head -5
	fi
	n=$(wc -l <"$TMP/$f.ev")
	want=$(events "$f")
	if [ "$n" = "$want" ]; then
		ok "$f: $want events"
	else
		not_ok "$f: $n events, want $want"
	fi
done

# spot MSG FILE JQ WANT: the events of FILE, through jq -r JQ, are WANT.
spot() {
	if [ ! -f "$TMP/$2.ev" ]; then
		ok "$1 # SKIP $2 missing"
		return
	fi
	jq -r "$3" "$TMP/$2.ev" >"$TMP/got"
	printf '%s\n' "$4" >"$TMP/want"
	check_same "$1" "$TMP/got" "$TMP/want"
}

r=resignation.csv
spot "resignation: +05:30 offset to UTC, both dates" $r \
    'select(.user.name == "sarad@contoso.com") | [."@timestamp",
      .irm.activity, .event.action, .irm.hr.resignation_date,
      .irm.hr.last_working_date] | join(" ")' \
    "2019-04-23T09:48:02.467Z hr_resignation Resignation 2019-04-23T09:48:02.467Z 2019-04-29T09:48:02.467Z"
spot "resignation: Z kept, zone-less LastWorkingDate is UTC" $r \
    'select(.user.name == "pilarp@contoso.com") | [."@timestamp",
      .irm.hr.last_working_date] | join(" ")' \
    "2019-04-24T09:15:49.000Z 2019-04-29T15:18:02.711Z"
"$IRM_NORM" -t Asia/Kolkata "$r" >"$TMP/tz.ev" 2>&1
spot "resignation: --tz moves only the zone-less date" tz \
    'select(.user.name == "pilarp@contoso.com") | [."@timestamp",
      .irm.hr.last_working_date] | join(" ")' \
    "2019-04-24T09:15:49.000Z 2019-04-29T09:48:02.711Z"
m=multi_scenario_hrscenario.csv
spot "multi-scenario: one event per row, actions verbatim" $m \
    '.event.action' \
    "Resignation
Resignation
Job level change
Job level change
Performance review
Performance review
Performance improvement plan
Performance improvement plan"
spot "multi-scenario: shifted job change date and levels" $m \
    'select(.irm.activity == "hr_job_change" and
      .user.name == "sarad@contoso.com") | [."@timestamp",
      .irm.hr.effective_date, .irm.hr.old_level, .irm.hr.new_level,
      .event.dataset] | join("|")' \
    "2019-04-23T09:48:02.467Z|2019-04-23T09:48:02.467Z|Level 61 Sr. Manager|Level 60 Manager|hr.job_change"
spot "multi-scenario: a plan's Remarks and Rating columns" $m \
    'select(.irm.activity == "hr_pip" and
      .user.name == "sarad@contoso.com") | [.irm.hr.remarks,
      .irm.hr.rating] | join("|")' \
    "Met expectations but bad attitude|2 Below expectations"
spot "job level change: levels" job_level_changes.csv \
    'select(.user.name == "pillar@contoso.com") | [.irm.activity,
      .irm.hr.old_level, .irm.hr.new_level] | join("|")' \
    "hr_job_change|Level 62 - Director|Level 60- Sr. Manager"
spot "improvement plan: ImprovementRemarks, PerformanceRating" \
    performance_improvement_plan.csv \
    'select(.user.name == "sarad@contoso.com") | [.irm.activity,
      .irm.hr.remarks, .irm.hr.rating] | join("|")' \
    "hr_pip|Met expectation but bad attitude|2-Below expectation"

# The review and plan files share a line (pillar@); the events must not
# share an id, or irm-score would count only one of them.
a=$(jq -r 'select(.user.name == "pillar@contoso.com") | .event.id' \
    "$TMP/performance_review.csv.ev" 2>/dev/null)
b=$(jq -r 'select(.user.name == "pillar@contoso.com") | .event.id' \
    "$TMP/performance_improvement_plan.csv.ev" 2>/dev/null)
if [ -n "$a" ] && [ -n "$b" ] && [ "$a" != "$b" ]; then
	ok "review and plan of the same line: distinct ids"
else
	not_ok "review and plan of the same line: ids '$a' '$b'"
fi
done_testing
