#!/bin/sh
# bench/eval.sh - detection quality on tenants from irm-gen (make eval).
#
#	sh bench/eval.sh [--check] [--jobs n] [--results file]
#	    [--seeds list] [irm-gen options]
#	sh bench/eval.sh [--check] [--results file] --tenant dir
#
# Generates a tenant under a temporary directory (irm-gen's defaults
# unless options are given: 100 users, 40 days, seed 1), runs the whole
# pipeline on it
#
#	irm-norm raw/* | sort | irm-score -s settings.json -p policies/ |
#	    irm-report
#
# (the events of an irm-gen tenant sorted a chunk of days at a time: see
# events below) and the per-user view of the same insights (irm-report
# --by-user), and reports what an analyst would see.  Progress goes to
# stderr: a line when a tenant is generated and each chunk of days scored.
# --seeds 1,2,3 does it for each seed (irm-gen -s), --jobs n tenants at
# once (default: the number of CPUs plus one, as the stages of one
# pipeline take turns and leave cores idle), each generated, scored and
# deleted in a directory of its own, so that the disk holds n tenants'
# raw records and two days of events each at most; the events are never
# written whole.  The parts are printed in the order of the list once
# every seed is done.  --tenant dir scores an existing tenant (irm-gen's layout)
# instead and leaves it alone.
#
# The alerts are the last record of each alert id (irm-alert(5)), their
# rank is by score among all the alerts of the tenant (1 is the top;
# ties share the best rank).  A user's rank among users is by risk in
# the per-user view (irm-report --by-user: one record per user with an
# alert, irm-alert(5) USER RISK RECORD), ties sharing the best rank.  answers.csv names the planted users:
# user,scenario,start,end[,expected], where expected is the lowest
# severity that counts as caught (high, medium or low), or none for a
# benign look-alike that must get no medium or high alert; without the
# column every row expects medium.  Scenarios named cert-* are the CERT-
# shaped ones.  Every other user is a user without a scenario.  Per
# seed, the report has
#
#   - per planted user: whether the user got an alert, whether the
#     policy made for the scenario alerted (for irm-gen's first eight
#     scenarios), the expected and the highest severity, the best score,
#     its rank and the rank as a percentage of the alerts, the user's
#     rank among the users with an alert and as a percentage of them,
#     the policies that alerted, and PASS or FAIL against goal 1 below;
#   - alerts per 1,000 users per 30 days at each severity, for all users
#     and for the users without a scenario;
#   - how many users without a scenario got an alert, a medium or high
#     one (count, % and % scaled linearly to 60 days), a high one;
#   - those users' medium and high alerts by policy, by insight kind (the
#     kinds of the insights the alert carries: irm.alert.insights looked
#     up in the insights, and the kinds named in irm.alert.risk_factors)
#     and by top insight (irm.alert.top's first indicator or kind): a
#     user counts once in each row that applies, so rows overlap;
#   - the goals, each a line ending in PASS, FAIL or SKIP:
#     1a. every planted insider at its expected severity or above;
#     1. every planted insider at its expected severity or above and
#        ranked in the top 2% of alerts (rank <= max(1, ceil(2% of the
#        alerts)));
#     1b. the same, ranked by user: in the top 2% of the users with an
#        alert (user rank <= max(1, ceil(2% of those users)));
#     1c. the same, with no alert of a user without a scenario scoring
#        higher (what an analyst reading from the top meets first; the
#        other insiders do not count against it, as they do in 1);
#     2. users without a scenario with a medium or high alert at most
#        1% per 60 days, with a high one at most 0.25% (the run's % x 60
#        / days);
#     3. the benign look-alikes never medium or high (SKIP without one);
#     4. the CERT-shaped scenarios caught at 90% or more while at most 2%
#        of the users without a scenario reach medium over the run (SKIP
#        without one).
# With several seeds, a last part pools them: a line per seed, a line per
# scenario, and the same figures and goals over every tenant.
#
# --results file also writes the report as a section of file headed
# "# Detection quality: ...", replacing the section of the same head (as
# bench/run.sh does for bench/results.md), with the date.  --check exits
# 1 when a goal of the last (pooled) part fails.  The binaries come from
# PATH, else from cmd/.  Otherwise the exit status is 0 unless a stage
# fails (irm-norm rejecting a record is a failure), then 3; 2 for a usage
# error.  EVAL_KEEP=dir keeps the tenant and the pipeline's files
# (events, insights, alerts, users, facts) in dir, or in dir/seed-N with
# several seeds.
set -u
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
PATH="$PATH:$top/cmd"
tab=$(printf '\t')

die() {
	echo "eval: $*" >&2
	exit 3
}

usage() {
	echo "usage: eval.sh [--check] [--jobs n] [--results file]" \
	    "[--seeds list] [irm-gen options]" >&2
	echo "       eval.sh [--check] [--results file] --tenant dir" >&2
	exit 2
}

# Our options out, irm-gen's kept in order in "$@".
check=0
results=
seeds=
tenant=
seed=1
jobs=$(($(nproc 2>/dev/null || echo 1) + 1))
n=$#
while [ "$n" -gt 0 ]; do
	a=$1
	shift
	n=$((n - 1))
	case $a in
	--check) check=1 ;;
	--jobs | --results | --seeds | --tenant)
		[ "$n" -gt 0 ] || usage
		case $a in
		--jobs) jobs=$1 ;;
		--results) results=$1 ;;
		--seeds) seeds=$1 ;;
		--tenant) tenant=$1 ;;
		esac
		shift
		n=$((n - 1))
		;;
	*)
		case $a in
		-s | --seed) [ "$n" -gt 0 ] && seed=$1 ;;
		-s?*) seed=${a#-s} ;;
		--seed=*) seed=${a#--seed=} ;;
		esac
		set -- "$@" "$a"
		;;
	esac
done
if [ -n "$seeds" ]; then
	case $seeds in *[!0-9,]* | ,* | *, | *,,*) usage ;; esac
	for a in "$@"; do
		case $a in -s | -s?* | --seed | --seed=*) usage ;; esac
	done
fi
[ -z "$tenant" ] || { [ -z "$seeds" ] && [ $# -eq 0 ]; } || usage
case $jobs in '' | *[!0-9]* | 0*) usage ;; esac

tmp=$(mktemp -d) || exit 3
running=
trap '[ -z "$running" ] || kill $running 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM
: >"$tmp/facts"
start=$(date +%s)

# events DIR: irm-norm's events of the tenant in DIR, in time order, on
# stdout.  When every raw file's name starts with its day (irm-gen's
# layout: DAY-audit.jsonl, DAY-badge.json, ...), a chunk of days at a
# time: its files are normalized and sorted in the background while
# irm-score reads the chunk before, at most two chunks ahead, so that the
# two stages share the cores instead of taking turns behind one sort of
# every event.  A record delivered a day late (irm-gen writes some) is
# within irm-score's --lag and counts as in one sorted stream: on seed 1
# at 1,000 users over 60 days both give the same insights, byte for
# byte.  Any other layout: one sort(1) of every event.  irm-norm runs
# with --mapped-only: irm-score reads no o365.audit fact, so the insights
# are the same, and the events half the size take irm-score about 40%
# less time (make eval was killed by a reviewer's time limit).
events() {
	days=$(ls "$1/raw" | sed -n 's/^\([0-9]\{4\}-[0-9][0-9]-[0-9][0-9]\)-.*/\1/p' |
	    sort -u)
	if [ -z "$days" ] || [ "$(ls "$1/raw" | grep -cv \
	    '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]-')" != 0 ]; then
		# irm-gen -f cert writes its HR rows apart, in hr/, and its
		# LDAP snapshots in LDAP/ as the dataset does.
		irm-norm --mapped-only "$1"/raw/* \
		    $(ls -d "$1"/hr/* "$1"/LDAP/* 2>/dev/null) >"$tmp/all" || {
			echo $? >"$tmp/norm.rc"
			return
		}
		# The days, from the events' @timestamp (RFC 3339 at a fixed
		# place: irm-event(5) writes it first).
		cut -c16-25 "$tmp/all" | sort -u >"$tmp/days"
		sort -S 256M -T "$tmp" "$tmp/all" || echo $? >"$tmp/sort.rc"
		rm -f "$tmp/all"
		return
	fi
	echo "$days" | tr ' ' '\n' >"$tmp/days"
	ndays=$(echo $days | wc -w | tr -d ' ')
	# Chunks of EVAL_CHUNK days (each chunk's first day names it): a
	# process and a poll a day cost more than the work on small tenants
	# (100 users: 12 s a day at a time, where one sort of everything
	# took 5.5 s).
	chunks=$(echo $days | tr ' ' '\n' | awk -v k="${EVAL_CHUNK:-6}" '
	    { printf "%s%s", NR == 1 ? "" : (NR - 1) % k ? "," : "\n", $0 }
	    END { print "" }')
	(
		for c in $chunks; do
			while [ "$(ls "$tmp" | grep -c '^day\.')" -ge 2 ]; do
				sleep 0.1
			done
			files=
			for d in $(echo "$c" | tr ',' ' '); do
				files="$files $1/raw/$d-*"
			done
			# shellcheck disable=SC2086
			irm-norm --mapped-only $files >"$tmp/norm.out" ||
				{ echo $? >"$tmp/norm.rc"; exit; }
			sort -S 256M -T "$tmp" "$tmp/norm.out" >"$tmp/sort.out" ||
				{ echo $? >"$tmp/sort.rc"; exit; }
			mv "$tmp/sort.out" "$tmp/day.${c%%,*}"
		done
	) &
	producer=$!
	i=0
	for c in $chunks; do
		d=${c%%,*}
		while [ ! -e "$tmp/day.$d" ]; do
			if ! kill -0 "$producer" 2>/dev/null; then
				[ -e "$tmp/day.$d" ] && break
				wait
				return
			fi
			sleep 0.02
		done
		cat "$tmp/day.$d"
		rm -f "$tmp/day.$d"
		i=$((i + $(echo "$c" | tr ',' '\n' | wc -l)))
		echo "eval: $label_now: $i of $ndays days scored" >&2
	done
	wait
	rm -f "$tmp/norm.out"
}

# score DIR: the pipeline on the tenant in DIR, into $tmp/insights and
# $tmp/alerts, with the number of events in $tmp/nevents.
score() {
	rm -f "$tmp"/*.rc "$tmp"/day.*
	if [ -n "${EVAL_KEEP:-}" ]; then
		set -- "$1" "$1/events"
	else
		set -- "$1" /dev/null
	fi
	events "$1" | tee "$2" | {
		irm-score -s "$1/settings.json" -p "$1/policies" \
		    -v 2>"$tmp/score.err"
		echo $? >"$tmp/score.rc"
	} >"$tmp/insights"
	for stage in norm sort; do
		[ ! -e "$tmp/$stage.rc" ] || die "$stage failed" \
		    "(exit $(cat "$tmp/$stage.rc"))"
	done
	[ "$(cat "$tmp/score.rc" 2>/dev/null)" = 0 ] || {
		grep -v '^irm-score: [0-9]* events in' "$tmp/score.err" >&2
		die "irm-score failed (exit $(cat "$tmp/score.rc" 2>/dev/null))"
	}
	# irm-score -v: "irm-score: N events in, ..."; anything else passes on.
	grep -v '^irm-score: [0-9]* events in' "$tmp/score.err" >&2
	sed -n 's/^irm-score: \([0-9]*\) events in.*/\1/p' "$tmp/score.err" |
	    tail -n 1 >"$tmp/nevents"
	irm-report "$tmp/insights" >"$tmp/alerts" || die "irm-report failed"
	irm-report --by-user "$tmp/insights" >"$tmp/users" ||
		die "irm-report --by-user failed"
}

# facts SEED DIR LABEL GEN_SECONDS PIPE_SECONDS: append to $tmp/facts the
# tenant (T), its planted users (P), its alerts' final states (A) and its
# users' risks (U), tab-separated, for report below.
facts() {
	users=$(($(wc -l <"$2/directory.csv") - 1))
	ninsights=$(wc -l <"$tmp/insights" | tr -d ' ')
	nrecords=$(wc -l <"$tmp/alerts" | tr -d ' ')
	# id kind, for each insight (every revision: the kind stays).
	sed -n 's/.*"event":{"kind":"enrichment","id":"\(ins-[0-9a-f]*\)".*"irm":{"insight":"\([a-z_-]*\)".*/\1 \2/p' \
	    "$tmp/insights" >"$tmp/kinds"
	[ "$(wc -l <"$tmp/kinds" | tr -d ' ')" = "$ninsights" ] ||
		die "an insight record eval.sh cannot read"
	# id user policy score severity insights risk_factors top: keys come
	# in irm-alert(5) order, so sed can pick them.
	rep="\\1$tab\\2$tab\\3$tab\\4$tab\\5$tab\\6$tab\\7$tab\\8"
	sed -n 's/.*"event":{"kind":"alert","id":"\(alr-[0-9a-f]*\)".*"user":{"name":"\([^"]*\)"},"rule":{"name":"\([^"]*\)".*"alert":{"status":"[^"]*","score":\([0-9]*\),"severity":"\([a-z]*\)".*"insights":\[\([^]]*\)\],"risk_factors":\[\([^]]*\)\],"top":\[{"indicator":"\([^"]*\)".*/'"$rep"'/p' \
	    "$tmp/alerts" >"$tmp/alerts.tsv"
	[ "$(wc -l <"$tmp/alerts.tsv" | tr -d ' ')" = "$nrecords" ] ||
		die "an alert record eval.sh cannot read"
	{
		printf 'T\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
		    "$1" "$users" "$(wc -l <"$tmp/days" | tr -d ' ')" \
		    "$(sed -n 1p "$tmp/days")" "$(sed -n '$p' "$tmp/days")" \
		    "$(tr -d ' ' <"$tmp/nevents")" "$ninsights" "$nrecords" \
		    "$4" "$5" "$3"
		awk -F, -v seed="$1" -v OFS="$tab" '
		NR == 1 {
			for (i = 1; i <= NF; i++)
				col[$i] = i
			if (!("user" in col) || !("scenario" in col))
				exit 1
			next
		}
		NF > 1 {
			e = "expected" in col ? $col["expected"] : "medium"
			print "P", seed, $col["user"], $col["scenario"],
			    $col["start"], $col["end"], e
		}' "$2/answers.csv" || die "answers.csv: no user,scenario header"
		awk -F'\t' -v seed="$1" -v OFS="$tab" -v kf="$tmp/kinds" '
		FILENAME == kf {
			split($0, f, " ")
			kind[f[1]] = f[2]
			if (f[2] != "indicator")
				named[f[2]] = 1
			next
		}
		{
			last[$1] = $0
		}
		END {
			for (id in last) {
				split(last[id], a, "\t")
				delete has
				n = split(a[6], ids, ",")
				for (i = 1; i <= n; i++) {
					gsub(/"/, "", ids[i])
					has[ids[i] in kind ? kind[ids[i]] : "?"] = 1
				}
				n = split(a[7], rf, ",")
				for (i = 1; i <= n; i++) {
					gsub(/"/, "", rf[i])
					if (rf[i] in named)
						has[rf[i]] = 1
				}
				ks = ""
				for (k in has)
					ks = ks "," k
				n = split(substr(ks, 2), kl, ",")
				for (i = 2; i <= n; i++)
					for (j = i; j > 1 && kl[j - 1] > kl[j]; j--) {
						t = kl[j]
						kl[j] = kl[j - 1]
						kl[j - 1] = t
					}
				ks = kl[1]
				for (i = 2; i <= n; i++)
					ks = ks "," kl[i]
				print "A", seed, a[1], a[2], a[3], a[4], a[5], ks, a[8]
			}
		}' "$tmp/kinds" "$tmp/alerts.tsv" | sort
		# U seed user risk, from the per-user view.
		sed -n 's/^{"@timestamp":"[^"]*","event":{"kind":"user_risk","severity":[0-9]},"user":{"name":"\([^"]*\)"},"irm":{"user_risk":{"risk":\([0-9]*\),.*/U'"$tab$1$tab"'\1'"$tab"'\2/p' \
		    "$tmp/users" >"$tmp/users.tsv"
		[ "$(wc -l <"$tmp/users.tsv" | tr -d ' ')" = \
		    "$(wc -l <"$tmp/users" | tr -d ' ')" ] ||
			die "a user risk record eval.sh cannot read"
		cat "$tmp/users.tsv"
	} >>"$tmp/facts"
}

# report MODE: the report of the facts on stdin; MODE seed for one seed,
# all for the pooled part.
report() {
	awk -F'\t' -v mode="$1" '
function sevn(s) {
	return s == "high" ? 3 : s == "medium" ? 2 : s == "low" ? 1 : 0
}
function pct(a, b) {
	return b > 0 ? sprintf("%.2f", 100 * a / b) : "-"
}
function rate(a, b) {
	return b > 0 ? sprintf("%.1f", a / b) : "-"
}
function verdict(ok) {
	return ok ? "PASS" : "FAIL"
}
# ranks(s, h, above): above[s, x] = how many of seed s score more than x
# (0 to 100), from the histogram h[s, x].
function ranks(s, h, above,    x, n) {
	for (x = 100; x >= 0; x--) {
		above[s, x] = n + 0
		n += h[s, x]
	}
}
# top2(n): the last rank in the top 2% of n: max(1, ceil(2% of n)).
function top2(n,    c) {
	c = int(0.02 * n)
	if (c < 0.02 * n)
		c++
	return c < 1 ? 1 : c
}
# sorted(list, n): sort list[1..n] by count[] descending, then by name.
function sorted(list, n, count,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && (count[list[j - 1]] < count[list[j]] ||
		    (count[list[j - 1]] == count[list[j]] &&
		    list[j - 1] > list[j])); j--) {
			t = list[j]
			list[j] = list[j - 1]
			list[j - 1] = t
		}
}
# breakdown(title, head, what): the table of the false users by what
# (bp policy, bk kind, bt top insight).
function breakdown(title, head, what,    i, n, key, list, cu, ch, ca) {
	n = 0
	for (key in bu)
		if (substr(key, 1, 2) == what) {
			list[++n] = substr(key, 4)
			cu[list[n]] = bu[key]
			ch[list[n]] = bh[key]
			ca[list[n]] = ba[key]
		}
	sorted(list, n, cu)
	print ""
	print "### " title
	print ""
	if (n == 0) {
		print "None."
		return
	}
	print "| by " head " | users | with a high alert |" \
	    " medium or high alerts |"
	print "|---|---:|---:|---:|"
	for (i = 1; i <= n; i++)
		printf "| `%s` | %d | %d | %d |\n", list[i], cu[list[i]],
		    ch[list[i]], ca[list[i]]
}
BEGIN {
	# The policy of the generated tenant made for each scenario.
	purpose["departing-exfil"] = "departing-data-theft"
	purpose["job-hunting"] = "departing-data-theft"
	purpose["disgruntled"] = "data-leaks-risky-users"
	purpose["priority-leak"] = "data-leaks-priority"
	purpose["slow-exfil"] = "cumulative-exfiltration"
	purpose["obfuscate-exfil"] = "data-leaks"
	purpose["after-hours"] = "after-hours"
	purpose["departing-evasion"] = "security-departing"
	sevname[1] = "low"
	sevname[2] = "medium"
	sevname[3] = "high"
}
$1 == "T" {
	seeds[++ns] = $2
	users[$2] = $3
	days[$2] = $4
	first[$2] = $5
	last[$2] = $6
	events[$2] = $7
	insights[$2] = $8
	records[$2] = $9
	gent[$2] = $10
	pipet[$2] = $11
	label[$2] = $12
}
$1 == "P" {
	np++
	ps[np] = $2
	pu[np] = $3
	psc[np] = $4
	pstart[np] = $5
	pend[np] = $6
	pexp[np] = $7
	if (!(($2, $3) in planted)) {
		planted[$2, $3] = 1
		nplanted[$2]++
	}
}
$1 == "U" {
	nusers[$2]++
	urisk[$2, $3] = $4 + 0
	uhist[$2, $4 + 0]++
}
$1 == "A" {
	na++
	as[na] = $2
	au[na] = $4
	ap[na] = $5
	asc[na] = $6 + 0
	asev[na] = sevn($7)
	ak[na] = $8
	at[na] = $9
}
END {
	# Per seed: alerts, severities, scores above each score; per user:
	# best score, highest severity, policies.
	for (i = 1; i <= na; i++) {
		s = as[i]
		u = s SUBSEP au[i]
		alerts[s]++
		nsev[s, asev[i]]++
		hist[s, asc[i]]++
		if (!(u in best) || asc[i] > best[u])
			best[u] = asc[i]
		if (asev[i] > usev[u])
			usev[u] = asev[i]
		if (!((u, ap[i]) in by)) {
			by[u, ap[i]] = 1
			pols[u] = pols[u] (pols[u] == "" ? "" : ", ") ap[i]
		}
		if (!(u in seen)) {
			seen[u] = 1
			if (!(u in planted))
				fany[s]++
		}
		if (!(u in planted))
			fhist[s, asc[i]]++
	}
	for (k = 1; k <= ns; k++) {
		s = seeds[k]
		ranks(s, hist, above_)
		ranks(s, fhist, fabove)
		cut[s] = top2(alerts[s])
		ranks(s, uhist, uabove)
		ucut[s] = top2(nusers[s])
		tusers += users[s]
		tudays += users[s] * days[s]
		tclean += users[s] - nplanted[s]
		tcdays += (users[s] - nplanted[s]) * days[s]
		talerts += alerts[s]
		for (v = 1; v <= 3; v++)
			tsev[v] += nsev[s, v]
	}
	# The false users: users without a scenario with a medium or high
	# alert, by policy (bp), insight kind (bk) and top insight (bt).
	for (i = 1; i <= na; i++) {
		s = as[i]
		u = s SUBSEP au[i]
		if (u in planted || asev[i] < 2)
			continue
		fsev[s, asev[i]]++
		tfsev[asev[i]]++
		if (!(u in fm)) {
			fm[u] = 1
			nfm[s]++
			tfm++
			if (usev[u] == 3) {
				nfh[s]++
				tfh++
			}
		}
		nk = split(ak[i], kl, ",")
		n = 0
		key[++n] = "bp " ap[i]
		key[++n] = "bt " at[i]
		for (j = 1; j <= nk; j++)
			key[++n] = "bk " kl[j]
		for (j = 1; j <= n; j++) {
			ba[key[j]]++
			if (!((u, key[j]) in fmu)) {
				fmu[u, key[j]] = 1
				bu[key[j]]++
			}
			if (asev[i] == 3 && !((u, key[j], 3) in fmu)) {
				fmu[u, key[j], 3] = 1
				bh[key[j]]++
			}
		}
	}
	# Planted users against their goal.
	for (i = 1; i <= np; i++) {
		s = ps[i]
		u = s SUBSEP pu[i]
		e = pexp[i]
		sv[i] = u in best ? usev[u] : 0
		rk[i] = u in best ? above_[s, best[u]] + 1 : 0
		urk[i] = u in urisk ? uabove[s, urisk[u]] + 1 : 0
		if (e == "none") {
			ok[i] = sv[i] < 2
			nbenign++
			g3n += !ok[i]
			if (!ok[i])
				g3fail = g3fail sprintf(", %s %s%s", psc[i],
				    sevname[sv[i]], mode == "all" ? \
				    " (seed " s ")" : "")
		} else {
			caught[i] = sv[i] > 0 && sv[i] >= sevn(e)
			intop[i] = rk[i] > 0 && rk[i] <= cut[s]
			ok[i] = caught[i] && intop[i]
			inutop[i] = urk[i] > 0 && urk[i] <= ucut[s]
			ninsider++
			g1sn += !caught[i]
			if (!caught[i])
				g1sfail = g1sfail sprintf(", %s %s%s", psc[i],
				    sv[i] ? sevname[sv[i]] : "no alert",
				    mode == "all" ? " (seed " s ")" : "")
			g1n += !ok[i]
			g1un += !(caught[i] && inutop[i])
			# Alerts of users without a scenario that score higher.
			fa = u in best ? fabove[s, best[u]] + 0 : 0
			if (!(caught[i] && fa == 0)) {
				g1fn++
				g1ffail = g1ffail sprintf(", %s %s %d above%s",
				    psc[i], sv[i] ? sevname[sv[i]] : "no alert", fa,
				    mode == "all" ? " (seed " s ")" : "")
			}
			sutop[s] += inutop[i]
			if (!(caught[i] && inutop[i]))
				g1ufail = g1ufail sprintf(", %s %s user rank %s" \
				    " of %d%s", psc[i], sv[i] ? sevname[sv[i]] : \
				    "no alert", urk[i] ? urk[i] : "-", nusers[s],
				    mode == "all" ? " (seed " s ")" : "")
			scaught[s] += caught[i]
			stop[s] += intop[i]
			sins[s]++
			if (!ok[i])
				g1fail = g1fail sprintf(", %s %s rank %s of %d%s",
				    psc[i], sv[i] ? sevname[sv[i]] : "no alert",
				    rk[i] ? rk[i] : "-", alerts[s],
				    mode == "all" ? " (seed " s ")" : "")
			if (psc[i] ~ /^cert-/) {
				ncert++
				ncaught += caught[i]
			}
		}
	}

	if (mode == "seed") {
		s = seeds[1]
		print "## Seed " s
		print ""
		printf "%s: %d users, %s to %s (%d days); %d events, %d" \
		    " insights, %d alerts; irm-gen %d s, the pipeline %d s.\n",
		    label[s], users[s], first[s], last[s], days[s], events[s],
		    insights[s], alerts[s], gent[s], pipet[s]
		print ""
		print "| scenario | user | window | alert | by its policy |" \
		    " expected | severity | score | rank | rank % |" \
		    " user rank | user rank % | policies | goal |"
		print "|---|---|---|---|---|---|---|---:|---:|---:|---:|---:|" \
		    "---|---|"
		for (i = 1; i <= np; i++) {
			u = s SUBSEP pu[i]
			p = purpose[psc[i]]
			printf "| %s | %s | %s..%s | %s | %s | %s | %s | %s |" \
			    " %s | %s | %s | %s | %s | %s |\n", psc[i], pu[i],
			    pstart[i], pend[i], u in best ? "yes" : "no",
			    p == "" ? "-" : (((u, p) in by) ? "yes " : "no ") p,
			    pexp[i], sv[i] ? sevname[sv[i]] : "-",
			    u in best ? best[u] : "-", rk[i] ? rk[i] : "-",
			    rk[i] ? pct(rk[i], alerts[s]) : "-",
			    urk[i] ? urk[i] : "-",
			    urk[i] ? pct(urk[i], nusers[s]) : "-",
			    u in best ? pols[u] : "-", verdict(ok[i])
		}
		print ""
		printf "The top 2%% of %d alerts: rank %d or better; of %d" \
		    " users with an alert: user rank %d or better.\n",
		    alerts[s], cut[s], nusers[s], ucut[s]
	} else {
		print "## All seeds"
		print ""
		print "| seed | users | days | alerts | insiders caught |" \
		    " in the top 2% | in the top 2% of users |" \
		    " users without a scenario |" \
		    " medium or high | % | high | % | seconds |"
		print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" \
		    "---:|---:|---:|"
		for (k = 1; k <= ns; k++) {
			s = seeds[k]
			c = users[s] - nplanted[s]
			printf "| %s | %d | %d | %d | %d of %d | %d of %d |" \
			    " %d of %d | %d | %d | %s | %d | %s | %d |\n", s,
			    users[s], days[s], alerts[s], scaught[s], sins[s],
			    stop[s], sins[s], sutop[s], sins[s], c, nfm[s],
			    pct(nfm[s], c), nfh[s], pct(nfh[s], c),
			    gent[s] + pipet[s]
		}
		# A line per scenario, in the order first planted.
		for (i = 1; i <= np; i++) {
			c = psc[i]
			if (!(c in sn))
				sl[++nsc] = c
			sn[c]++
			if (!index(" " sx[c] " ", " " pexp[i] " "))
				sx[c] = sx[c] (sx[c] == "" ? "" : " ") pexp[i]
			sc[c] += caught[i]
			st[c] += intop[i]
			sut[c] += inutop[i]
			sok[c] += ok[i]
			ss[c, sv[i]]++
			r = rk[i] ? 100 * rk[i] / alerts[ps[i]] : 101
			if (!(c in rmin) || r < rmin[c])
				rmin[c] = r
			if (!(c in rmax) || r > rmax[c])
				rmax[c] = r
			r = urk[i] ? 100 * urk[i] / nusers[ps[i]] : 101
			if (!(c in urmin) || r < urmin[c])
				urmin[c] = r
			if (!(c in urmax) || r > urmax[c])
				urmax[c] = r
		}
		print ""
		print "| scenario | expected | planted | caught | in the top 2% |" \
		    " in the top 2% of users |" \
		    " high | medium | low | no alert | rank % | user rank % |" \
		    " goal |"
		print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|" \
		    "---|---|"
		for (j = 1; j <= nsc; j++) {
			c = sl[j]
			r = rmin[c] > 100 ? "-" : sprintf("%.2f", rmin[c])
			x = rmax[c] > 100 ? "-" : sprintf("%.2f", rmax[c])
			if (x != r)
				r = r ".." x
			ur = urmin[c] > 100 ? "-" : sprintf("%.2f", urmin[c])
			x = urmax[c] > 100 ? "-" : sprintf("%.2f", urmax[c])
			if (x != ur)
				ur = ur ".." x
			b = sx[c] == "none"
			printf "| %s | %s | %d | %s | %s | %s | %d | %d | %d |" \
			    " %d | %s | %s | %s |\n", c, sx[c], sn[c],
			    b ? "-" : sc[c], b ? "-" : st[c], b ? "-" : sut[c],
			    ss[c, 3], ss[c, 2], ss[c, 1], ss[c, 0], r, ur,
			    sok[c] == sn[c] ? "PASS" : \
			    sprintf("FAIL %d of %d", sn[c] - sok[c], sn[c])
		}
	}

	print ""
	print "### Alerts per 1,000 users per 30 days"
	print ""
	print "| alerts of | high | medium | low | all |"
	print "|---|---:|---:|---:|---:|"
	printf "| all users | %s | %s | %s | %s |\n",
	    rate(tsev[3] * 30000, tudays), rate(tsev[2] * 30000, tudays),
	    rate(tsev[1] * 30000, tudays), rate(talerts * 30000, tudays)
	for (i = 1; i <= na; i++)
		if (!((as[i], au[i]) in planted))
			tfa[asev[i]]++
	printf "| users without a scenario | %s | %s | %s | %s |\n",
	    rate(tfa[3] * 30000, tcdays), rate(tfa[2] * 30000, tcdays),
	    rate(tfa[1] * 30000, tcdays),
	    rate((tfa[1] + tfa[2] + tfa[3]) * 30000, tcdays)

	tany = 0
	for (k = 1; k <= ns; k++)
		tany += fany[seeds[k]]
	m60 = tcdays > 0 ? 100 * tfm * 60 / tcdays : 0
	h60 = tcdays > 0 ? 100 * tfh * 60 / tcdays : 0
	print ""
	print "### Users without a scenario"
	print ""
	print "| users without a scenario | with an alert | medium or high |" \
	    " % | % per 60 days |" \
	    " high | % | % per 60 days |"
	print "|---:|---:|---:|---:|---:|---:|---:|---:|"
	printf "| %d | %d | %d | %s | %.2f | %d | %s | %.2f |\n", tclean, tany,
	    tfm, pct(tfm, tclean), m60, tfh, pct(tfh, tclean), h60

	breakdown("Their medium and high alerts by policy", "policy", "bp")
	breakdown("Their medium and high alerts by insight kind", "kind", "bk")
	breakdown("Their medium and high alerts by top insight",
	    "top insight", "bt")

	print ""
	print "### Goals"
	print ""
	printf "- every planted insider at its expected severity or above:" \
	    " %d of %d%s: %s\n", ninsider - g1sn, ninsider,
	    g1sfail == "" ? "" : " (not:" substr(g1sfail, 2) ")",
	    ninsider ? verdict(g1sfail == "") : "SKIP"
	printf "- every planted insider at its expected severity or above and" \
	    " in the top 2%% of alerts: %d of %d%s: %s\n",
	    ninsider - g1n, ninsider, g1fail == "" ? "" : " (not:" substr(g1fail, 2) ")",
	    ninsider ? verdict(g1fail == "") : "SKIP"
	printf "- every planted insider at its expected severity or above and" \
	    " in the top 2%% of users with an alert: %d of %d%s: %s\n",
	    ninsider - g1un, ninsider,
	    g1ufail == "" ? "" : " (not:" substr(g1ufail, 2) ")",
	    ninsider ? verdict(g1ufail == "") : "SKIP"
	printf "- every planted insider at its expected severity or above and" \
	    " no alert of a user without a scenario scoring higher: %d of" \
	    " %d%s: %s\n", ninsider - g1fn, ninsider,
	    g1ffail == "" ? "" : " (not:" substr(g1ffail, 2) ")",
	    ninsider ? verdict(g1ffail == "") : "SKIP"
	printf "- users without a scenario with a medium or high alert:" \
	    " %.2f%% per 60 days (<= 1%%): %s\n", m60,
	    tclean ? verdict(m60 <= 1) : "SKIP"
	printf "- users without a scenario with a high alert: %.2f%% per" \
	    " 60 days (<= 0.25%%): %s\n", h60,
	    tclean ? verdict(h60 <= 0.25) : "SKIP"
	if (nbenign)
		printf "- benign look-alikes never medium or high: %d of %d" \
		    "%s: %s\n", nbenign - g3n, nbenign,
		    g3fail == "" ? "" : " (not:" substr(g3fail, 2) ")",
		    verdict(g3fail == "")
	else
		print "- benign look-alikes never medium or high: none in" \
		    " answers.csv: SKIP"
	mr = tclean ? 100 * tfm / tclean : 0
	if (ncert)
		printf "- CERT-shaped scenarios caught: %d of %d (%.1f%%," \
		    " >= 90%%) while %.2f%% of the users without a scenario" \
		    " reach medium (<= 2%%): %s\n", ncaught, ncert,
		    100 * ncaught / ncert, mr,
		    verdict(ncaught >= 0.9 * ncert && mr <= 2)
	else
		print "- CERT-shaped scenarios caught at 90% while at most 2%" \
		    " of the other users reach medium: no cert-* scenario in" \
		    " answers.csv: SKIP"

	# Precision and recall, last: what the queue of an analyst holds.
	# A medium or high alert is one to open; one of a look-alike counts
	# as false, as one of any user without a scenario.
	for (i = 1; i <= np; i++)
		if (pexp[i] != "none")
			insider[ps[i], pu[i]] = 1
	for (u in usev)
		if (usev[u] >= 2) {
			qusers++
			qtrue += u in insider
		}
	for (i = 1; i <= na; i++)
		if (asev[i] >= 2) {
			qalerts++
			qatrue += (as[i], au[i]) in insider
		}
	for (u in insider)
		rcaught += usev[u] >= 2
	print ""
	print "### Precision and recall"
	print ""
	printf "- recall: %d of %d planted insiders with a medium or high" \
	    " alert (%s%%), %d of them at their expected severity or above\n",
	    rcaught, ninsider, pct(rcaught, ninsider), ninsider - g1sn
	printf "- precision by user: %d of %d users with a medium or high" \
	    " alert are planted insiders (%s%%); the other %d: %d without a" \
	    " scenario, %d benign look-alikes\n", qtrue, qusers,
	    pct(qtrue, qusers), qusers - qtrue, tfm, g3n
	printf "- precision by alert: %d of %d medium or high alerts are" \
	    " of planted insiders (%s%%)\n", qatrue, qalerts,
	    pct(qatrue, qalerts)
}'
}

# The tenants, one at a time.
label="irm-gen${*:+ $*}"
if [ -n "$tenant" ]; then
	[ -d "$tenant/raw" ] || die "$tenant: no raw/"
	label="tenant $tenant"
	list=-
	head=$label
elif [ -n "$seeds" ]; then
	list=$(echo "$seeds" | tr ',' ' ')
	head="$label, seeds $(echo $list | sed 's/ /, /g')"
else
	list=$seed
	head="$label, seed $seed"
fi
nseeds=$(echo $list | wc -w | tr -d ' ')
{
	echo "# Detection quality: $head"
	echo
	echo "$(date -u +%Y-%m-%dT%H:%MZ); $(uname -m), $(nproc) CPUs;" \
	    "$(irm-gen --version 2>/dev/null || echo irm-gen)."
	echo "Each tenant: irm-norm raw/* | sort | irm-score | irm-report;" \
	    "alerts: the last record of each alert id; users: irm-report" \
	    "--by-user."
	echo
} | tee "$tmp/report.md"
# one SEED [irm-gen options]: a tenant's part of the report, in $tmp/part.md, and its
# facts in $tmp/facts.SEED, with $tmp the seed's own directory (several
# seeds run at once: see --jobs).
one() {
	s=$1
	shift
	t0=$(date +%s)
	label_now="seed $s"
	[ -z "$tenant" ] || label_now=$tenant
	if [ -n "$tenant" ]; then
		echo "eval: $label_now: scoring ($(($(date +%s) - start)) s so far)" >&2
	else
		echo "eval: $label_now: generating ($(($(date +%s) - start)) s so far)" >&2
	fi
	if [ -n "$tenant" ]; then
		dir=$tenant
		l=$label
	else
		dir=$tmp/tenant
		if [ -n "${EVAL_KEEP:-}" ]; then
			dir=$EVAL_KEEP
			[ "$nseeds" = 1 ] || dir=$EVAL_KEEP/seed-$s
			mkdir -p "${dir%/*}" || die "$EVAL_KEEP: cannot create"
		fi
		l=$label
		if [ -n "$seeds" ]; then
			irm-gen "$@" -s "$s" "$dir" || die "irm-gen failed"
			l="$label -s $s"
		else
			irm-gen "$@" "$dir" || die "irm-gen failed"
		fi
	fi
	t1=$(date +%s)
	[ -n "$tenant" ] || echo "eval: $label_now: generated in" \
	    "$((t1 - t0)) s; scoring" >&2
	score "$dir"
	t2=$(date +%s)
	facts "$s" "$dir" "$l" $((t1 - t0)) $((t2 - t1))
	grep "^[TPAU]$tab$s$tab" "$tmp/facts" >"$tmp/facts.$s"
	if [ -n "${EVAL_KEEP:-}" ]; then
		cp "$tmp/insights" "$tmp/alerts" "$tmp/users" "$tmp/facts.$s" \
		    "$dir/"
	elif [ -z "$tenant" ]; then
		rm -rf "$dir"
	fi
	report seed <"$tmp/facts.$s" >"$tmp/part.md" || die "report failed"
	echo >>"$tmp/part.md"
	echo "eval: $label_now: done ($(($(date +%s) - start)) s so far)" >&2
}

# wait_one: wait until one of the seeds in $running ends (dash has no
# wait -n), and die if it failed (its own message is above).
wait_one() {
	while :; do
		for p in $running; do
			kill -0 "$p" 2>/dev/null && continue
			wait "$p" || die "a seed failed"
			running=$(echo $running | tr ' ' '\n' | grep -vx "$p" |
			    tr '\n' ' ')
			return
		done
		sleep 0.2
	done
}

# The seeds, up to $jobs at once, each in a directory of its own; their
# parts are printed in the order of the list.  A seed that fails stops
# the others.
ran=
for s in $list; do
	while [ "$(echo $running | wc -w)" -ge "$jobs" ]; do
		wait_one
	done
	mkdir "$tmp/s$s" || die "seed $s given twice"
	(
		tmp=$tmp/s$s
		: >"$tmp/facts"
		one "$s" "$@"
		echo 0 >"$tmp/rc"
	) &
	running="$running $!"
	ran="$ran $s"
done
while [ -n "$running" ]; do
	wait_one
done
for s in $ran; do
	[ "$(cat "$tmp/s$s/rc" 2>/dev/null)" = 0 ] ||
		die "seed $s failed"
	cat "$tmp/s$s/facts.$s" >>"$tmp/facts"
	tee -a "$tmp/report.md" <"$tmp/s$s/part.md"
	cp "$tmp/s$s/part.md" "$tmp/part.md"
done
if [ "$nseeds" -gt 1 ]; then
	report all <"$tmp/facts" >"$tmp/part.md" || die "report failed"
	echo >>"$tmp/part.md"
	tee -a "$tmp/report.md" <"$tmp/part.md"
fi
took=$(($(date +%s) - start))
echo "$took s in all." | tee -a "$tmp/report.md"

# The section of $results headed by our first line becomes the report;
# the other sections stay in their order, a new one goes last.
if [ -n "$results" ]; then
	touch "$results" || die "$results: cannot write"
	awk -v new="$tmp/report.md" '
	FNR == 1 && FILENAME == new {
		head = $0
	}
	FILENAME == new {
		text = text $0 "\n"
		next
	}
	/^# / {
		n++
		if ($0 == head)
			at = n
	}
	{
		part[n] = part[n] $0 "\n"
	}
	END {
		if (!at)
			at = ++n
		part[at] = text
		for (i = 1; i <= n; i++) {
			sub(/\n+$/, "\n", part[i])
			printf "%s%s", (i > 1 ? "\n" : ""), part[i]
		}
	}' "$tmp/report.md" "$results" >"$tmp/results" &&
		cat "$tmp/results" >"$results" || die "$results: cannot write"
	echo "eval: written to $results" >&2
fi

# --check: a FAIL among the goals of the last part.
if [ "$check" = 1 ] && grep -q '^- .*: FAIL$' "$tmp/part.md"; then
	exit 1
fi
exit 0
