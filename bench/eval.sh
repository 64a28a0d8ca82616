#!/bin/sh
# bench/eval.sh - detection quality on a tenant from irm-gen (make eval).
#
#	sh bench/eval.sh [irm-gen options]
#
# Generates a tenant under a temporary directory (irm-gen's defaults
# unless options are given: 100 users, 40 days, seed 1), runs the whole
# pipeline on it
#
#	irm-norm raw/* | sort | irm-score -s settings.json -p policies/ |
#	    irm-report
#
# and prints, per planted user of answers.csv, whether the user got an
# alert, whether the policy made for the scenario (below) alerted on the
# user, the highest severity and score among the user's alerts, the
# user's rank among all users by that score (1 is the top; ties share a
# rank) and the policies that alerted; then, in a second table, how many
# users have no scenario, how many of them got an alert, and how many
# alerts of each severity.  The binaries come from PATH,
# else from cmd/.  This is a quality report: the exit status is 0 unless
# a stage fails (irm-norm rejecting a record is a failure).  EVAL_KEEP=DIR
# keeps the tenant and the pipeline's files in DIR.
set -u
LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
PATH="$PATH:$top/cmd"
tmp=$(mktemp -d) || exit 3
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM
dir=$tmp/tenant
if [ -n "${EVAL_KEEP:-}" ]; then
	dir=$EVAL_KEEP
fi

die() {
	echo "eval: $*" >&2
	exit 3
}

irm-gen "$@" "$dir" || die "irm-gen failed"
irm-norm "$dir"/raw/* >"$tmp/events" || die "irm-norm failed (exit $?)"
sort -S 256M "$tmp/events" >"$tmp/sorted" || die "sort failed"
irm-score -s "$dir/settings.json" -p "$dir/policies" "$tmp/sorted" \
    >"$tmp/insights" || die "irm-score failed (exit $?)"
irm-report "$tmp/insights" >"$tmp/alerts" || die "irm-report failed"
if [ -n "${EVAL_KEEP:-}" ]; then
	cp "$tmp/events" "$tmp/insights" "$tmp/alerts" "$dir/"
fi

# The last record of each alert id is its state: "id user rule score
# severity".  Keys come in irm-alert order, so sed can pick them.
sed -n 's/.*"id":"\(alr-[^"]*\)".*"user":{"name":"\([^"]*\)"},"rule":{"name":"\([^"]*\)".*"alert":{"status":"[^"]*","score":\([0-9]*\),"severity":"\([a-z]*\)".*/\1 \2 \3 \4 \5/p' \
    "$tmp/alerts" |
    awk '{ last[$1] = $0 } END { for (k in last) print last[k] }' |
    sort >"$tmp/state"

users=$(($(wc -l <"$dir/directory.csv") - 1))
first=$(ls "$dir/raw" | sed -n '1s/^\(..........\).*/\1/p')
last=$(ls "$dir/raw" | sed -n '$s/^\(..........\).*/\1/p')
echo "irm-gen${*:+ $*}: $users users, $first to $last;" \
    "$(wc -l <"$tmp/events" | tr -d ' ') events," \
    "$(wc -l <"$tmp/insights" | tr -d ' ') insights," \
    "$(wc -l <"$tmp/state" | tr -d ' ') alerts"
echo
awk -v answers="$dir/answers.csv" -v users="$users" '
function sevrank(s) { return s == "high" ? 3 : s == "medium" ? 2 : 1 }
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
	while ((getline l < answers) > 0) {
		if (++n == 1)
			continue
		split(l, f, ",")
		planted[f[1]] = 1
		row[n - 1] = l
	}
	rows = n - 1
}
{
	user = $2
	if (!(user in best) || $4 + 0 > best[user] + 0)
		best[user] = $4
	if (sevrank($5) > sevrank(sev[user]))
		sev[user] = $5
	pol[user] = pol[user] (pol[user] == "" ? "" : ", ") $3
	by[user, $3] = 1
	if (!(user in planted)) {
		fp_alerts++
		fp_sev[$5]++
		if (!(user in fp)) {
			fp[user] = 1
			fp_users++
		}
	}
}
END {
	print "| scenario | user | window | alert | by its policy | severity |" \
	    " score | rank | policies |"
	print "|---|---|---|---|---|---|---:|---:|---|"
	for (i = 1; i <= rows; i++) {
		split(row[i], f, ",")
		u = f[1]
		if (u in best) {
			r = 1
			for (o in best)
				if (best[o] + 0 > best[u] + 0)
					r++
			printf "| %s | %s | %s..%s | yes | %s %s | %s | %d | %d |" \
			    " %s |\n", f[2], u, f[3], f[4], \
			    ((u, purpose[f[2]]) in by ? "yes" : "no"), \
			    purpose[f[2]], sev[u], best[u], r, pol[u]
		} else
			printf "| %s | %s | %s..%s | no | no %s | - | - | - |" \
			    " - |\n", f[2], u, f[3], f[4], purpose[f[2]]
	}
	print ""
	print "| users without a scenario | with an alert | alerts | high |" \
	    " medium | low |"
	print "|---:|---:|---:|---:|---:|---:|"
	printf "| %d | %d | %d | %d | %d | %d |\n", users - rows, fp_users, \
	    fp_alerts, fp_sev["high"], fp_sev["medium"], fp_sev["low"]
}' "$tmp/state"
