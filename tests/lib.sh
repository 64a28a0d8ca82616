# tests/lib.sh - tiny TAP helpers for the shell tests (mblaze/nq style).
# Source it, then: plan N; check MSG CMD...; check_same MSG GOT WANT;
# check_rc MSG RC CMD...; skip_all REASON; ev (an event line);
# insight (an insight line); scale_tenant (a tenant scored as one run);
# usb_copies (a run of USB copies); usb_bursts (days of ten of them);
# seq_theft (a sequence's events);
# store_at (a store's variables).
set -u
LC_ALL=C
TZ=UTC
export LC_ALL TZ
TESTS=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$TESTS")
: "${IRM_SHARED:=$(cd "$TOP/.." && pwd)/shared/data}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
_tap_n=0
_fail=0

plan() { echo "1..$1"; }
skip_all() { echo "1..0 # SKIP $*"; exit 0; }
ok() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $1"; }
not_ok() { _tap_n=$((_tap_n + 1)); _fail=$((_fail + 1)); echo "not ok $_tap_n - $1"; }

# check MSG CMD...: passes when CMD exits 0.
check() {
	_msg=$1; shift
	if "$@" >"$TMP/.out" 2>&1; then ok "$_msg"; else
		not_ok "$_msg"; sed 's/^/# /' "$TMP/.out"; fi
}

# check_rc MSG RC CMD...: passes when CMD exits with RC.
check_rc() {
	_msg=$1; _want=$2; shift 2
	"$@" >"$TMP/.out" 2>&1; _rc=$?
	if [ "$_rc" = "$_want" ]; then ok "$_msg"; else
		not_ok "$_msg"; echo "# exit $_rc, want $_want"
		sed 's/^/# /' "$TMP/.out"; fi
}

# check_same MSG GOTFILE WANTFILE: passes when the files are identical;
# prints a diff, or an od -c dump when only bytes differ.
check_same() {
	if cmp -s "$2" "$3"; then ok "$1"; return; fi
	not_ok "$1"
	diff -u "$3" "$2" | head -40 | sed 's/^/# /'
	if diff -q "$3" "$2" >/dev/null 2>&1; then
		od -c "$2" | head -10 | sed 's/^/# got  /'
		od -c "$3" | head -10 | sed 's/^/# want /'
	fi
}

# ev TIME ID USER ACTIVITY [IRM-EXTRA [TOP-EXTRA]]: one irm event line
# (irm-event(5)) on stdout; IRM-EXTRA (",\"label\":...") goes inside
# "irm", TOP-EXTRA (",\"file\":{...}") after it.
ev() {
	printf '{"@timestamp":"%s","event":{"id":"%s","action":"x"},"user":{"name":"%s"},"irm":{"activity":"%s"%s}%s}\n' \
	    "$1" "$2" "$3" "$4" "${5:-}" "${6:-}"
}

# An awk function for the programs of tests that build a tenant in awk:
# ev(day, h, k, who, act, extra) prints who@contoso.com's event act at
# day's hour h, minute k, on file fK.docx, id who-act-day-k, with the
# JSON members extra (",..." or empty) at the end.
# shellcheck disable=SC2016
AWK_EV='function ev(day, h, k, who, act, extra) {
	printf "{\"@timestamp\":\"%sT%02d:%02d:00.000Z\",\"event\":{\"id\":\"%s-%s-%s-%d\",\"action\":\"x\"},\"user\":{\"name\":\"%s@contoso.com\"},\"irm\":{\"activity\":\"%s\"},\"file\":{\"name\":\"f%d.docx\"}%s}\n",
	    day, h, k, who, act, day, k, who, act, k, extra
}
'

# risk_lines FILE: irm-score $S (the test's options) on FILE, its risk
# insights a line each: day, score and parts ("indicator kind", comma
# separated); irm-score's stderr is appended to $TMP/err.
risk_lines() {
	# shellcheck disable=SC2086
	irm-score $S "$1" 2>>"$TMP/err" |
	    jq -r 'select(.irm.insight == "risk") | [.irm.day, .irm.score,
	        ([.irm.parts[] | .indicator + " " + .kind] | join(", "))] |
	        join(" ")'
}

# A SharePoint download's url (IRM-RECORD-EXTRA, as ev's).
SP_URL=',"url":{"full":"https://contoso.sharepoint.com/sites/x/a.docx","domain":"contoso.sharepoint.com"}'

# weekday_list FROM DAYS: the weekdays of the DAYS days from FROM
# (YYYY-MM-DD), a line each.
weekday_list() {
	_w=0
	while [ $_w -lt "$2" ]; do
		_wd=$(date -u -d "$1 + $_w days" +%Y-%m-%d)
		_w=$((_w + 1))
		[ "$(date -u -d "$_wd" +%u)" -gt 5 ] || echo "$_wd"
	done
}

# weekdays USER FROM DAYS HOUR [USB]: USER's quiet history, two SharePoint
# downloads at HOUR (UTC) on each weekday of the DAYS days from FROM
# (YYYY-MM-DD), and a USB copy of a build artefact at HOUR:45 when USB is
# set.
weekdays() {
	for _day in $(weekday_list "$2" "$3"); do
		ev "${_day}T$4:00:00.000Z" "d1-$1-$_day" "$1" file_downloaded "" "$SP_URL"
		ev "${_day}T$4:30:00.000Z" "d2-$1-$_day" "$1" file_downloaded "" "$SP_URL"
		[ -z "${5:-}" ] ||
			ev "${_day}T$4:45:00.000Z" "u-$1-$_day" "$1" usb_copied "" ',"file":{"name":"build.zip"}'
	done
}

# insight ID USER POLICY DAY SCORE [REVISION]: one insight line
# (irm-insight(5)) on stdout, a usb_copy indicator of ruleset data_leaks
# with score SCORE, for irm-report.
insight() {
	printf '{"@timestamp":"%sT00:00:00.000Z","event":{"kind":"signal","id":"%s","severity":2},"user":{"name":"%s"},"rule":{"name":"%s","ruleset":"data_leaks"},"irm":{"insight":"indicator","indicator":"usb_copy","day":"%s","count":3,"score":%s,"severity":"x","revision":%s,"factors":[{"name":"level","detail":"","points":20}]}}\n' \
	    "$4" "$1" "$2" "$3" "$4" "$5" "${6:-0}"
}

# usb_copies USER ID TIME FILE FROM TO [LABEL [N]]: USER's copies to USB
# media, one for each K from FROM to TO - 1: event id ID-K, the time and
# the file's name the printf formats TIME and FILE of K; the first N
# (all by default) carry LABEL (IRM-EXTRA, as ev's).
usb_copies() {
	_k=$5
	while [ "$_k" -lt "$6" ]; do
		_l=
		[ "$_k" -lt "$(($5 + ${8:-$6}))" ] && _l=${7:-}
		ev "$(printf "$3" "$_k")" "$2-$_k" "$1" usb_copied "$_l" \
		    ',"file":{"name":"'"$(printf "$4" "$_k")"'"}'
		_k=$((_k + 1))
	done
}

# fin_peers K: six colleagues, fin1@ to fin6@, who download two files
# and copy one to USB media every weekday from 2026-02-02 (38 days); the
# first K of them copy 12 more on 2026-03-10, a rise for each.
fin_peers() {
	for _k in 1 2 3 4 5 6; do
		weekdays "fin$_k@contoso.com" 2026-02-02 38 09 usb
	done
	for _k in $(seq 1 "$1"); do
		usb_copies "fin$_k@contoso.com" "b$_k" 2026-03-10T12:%d:00.000Z b%d.xlsx 10 22
	done
}

# usb_bursts USER DAYS...: USER's ten USB copies at 11:1x on each of DAYS
# (of March 2026), event ids bDAY-K.
usb_bursts() {
	_ub=$1
	shift
	for _n in "$@"; do
		usb_copies "$_ub" "b$_n" "2026-03-${_n}T11:%d:00.000Z" "f$_n-%d.docx" 10 20
	done
}

# seq_theft [SUFFIX]: a departing user (erin@) downloads, renames to .jpg,
# copies to USB and deletes two files (plan and budget, SUFFIX after the
# names) over three days, each day under every low threshold: the events
# sorted in $TMP/seq.jsonl, a policy with sequences in $TMP/seq.json.
seq_theft() {
	_x=${1:-}
	cat >"$TMP/seq.json" <<'JSON'
{"name": "seq", "template": "data_theft_departing",
 "indicators": {"usb_copy": {"thresholds": [5, 10, 20]}}}
JSON
	{
		ev 2026-03-02T09:00:00.000Z hr-3 erin@contoso.com hr_resignation \
		    ',"hr":{"resignation_date":"2026-03-02T00:00:00.000Z"}'
		for f in plan budget; do
			ev 2026-03-03T10:00:00.000Z "d-$f" erin@contoso.com file_downloaded "" \
			    ',"file":{"name":"'$f$_x'.xlsx"},"url":{"full":"https://contoso.sharepoint.com/sites/x/'$f'.xlsx","domain":"contoso.sharepoint.com"}'
			ev 2026-03-04T10:00:00.000Z "r-$f" erin@contoso.com file_renamed "" \
			    ',"file":{"name":"'$f$_x'.jpg","previous_name":"'$f$_x'.xlsx"}'
			ev 2026-03-04T11:00:00.000Z "u-$f" erin@contoso.com usb_copied "" ',"file":{"name":"'$f$_x'.jpg"}'
			ev 2026-03-05T10:00:00.000Z "x-$f" erin@contoso.com file_deleted "" ',"file":{"name":"'$f$_x'.jpg"}'
		done
	} | sort >"$TMP/seq.jsonl"
}

# scale_tenant: the partitioned-run tests' tenant (irm-gen, 60 users, 42
# days, every kind of cumulative and departing scenario) in $T, its
# options in $S, and one run over it: $TMP/events (sorted), $TMP/one (the
# insights), $TMP/one.sorted and $TMP/alerts.one (sorted).
scale_tenant() {
	T=$TMP/t
	irm-gen -u 60 -d 42 -s 3 -c slow-exfil=3 -c job-hunting=2 \
	    -c departing-exfil=2 -c cert-leaker=1 "$T" >/dev/null 2>&1
	S="-s $T/settings.json -p $T/policies"
	irm-norm "$T"/raw/* 2>/dev/null | sort >"$TMP/events"
	# shellcheck disable=SC2086
	irm-score $S "$TMP/events" >"$TMP/one" 2>/dev/null
	sort "$TMP/one" >"$TMP/one.sorted"
	irm-report "$TMP/one" | sort >"$TMP/alerts.one"
}

# same_as_one NAME DIR: DIR/insights.jsonl and DIR/alerts.jsonl are, sorted,
# those of scale_tenant's one run (two checks).
same_as_one() {
	sort "$2/insights.jsonl" >"$TMP/got.ins"
	sort "$2/alerts.jsonl" >"$TMP/got.alerts"
	check_same "$1: the insights of one run" "$TMP/got.ins" \
	    "$TMP/one.sorted"
	check_same "$1: the alerts of one run" "$TMP/got.alerts" \
	    "$TMP/alerts.one"
}

# on_tty CMD: run CMD under script(1), with a terminal as its standard
# input, output and error; the terminal's output in $TMP/tty (without
# script's own lines).  Returns CMD's exit status.
on_tty() {
	script -qec "$1" "$TMP/ts" >/dev/null 2>&1
	_rc=$?
	grep -v '^Script \(started\|done\)' "$TMP/ts" >"$TMP/tty"
	return $_rc
}

# store_at [EPOCH]: the store tests' $S (a store in $TMP) and $J (its
# journal), at SOURCE_DATE_EPOCH EPOCH (1775000000 by default), exported.
store_at() {
	SOURCE_DATE_EPOCH=${1:-1775000000}
	export SOURCE_DATE_EPOCH
	S=$TMP/store
	# shellcheck disable=SC2034 # for the tests that source this
	J=$S/journal.jsonl
}

# have_shared DIR: is the shared sample data present?
have_shared() { [ -d "$IRM_SHARED/$1" ]; }

done_testing() { [ "$_fail" = 0 ]; exit $?; }

# security_all FILE: a policy of every security indicator for every user
# on every day (no trigger), writing what reaches a score of 1.
security_all() {
	printf '%s\n' '{"name": "all", "template": "security_violations", "triggers": [],' \
	    ' "alert": {"min_score": 1}}' >"$1"
}
