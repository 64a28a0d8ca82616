#!/bin/sh
# bench/eval.sh (make eval): the report's structure, and its figures
# against the same figures computed here with jq from the alerts,
# insights and answer key eval.sh kept (EVAL_KEEP), so that a wrong
# number cannot pass for a measurement.  The goals are not asserted:
# only that each is printed and that --check follows them.  Then several
# seeds and their pooled part, --tenant with the answer key's expected
# column (a benign look-alike, a cert-* scenario), --results and usage
# errors.  Not in the sanitizer tree: eval.sh is a shell script, the
# binaries it runs are the same code as in the other tests, and there it
# took 87 s of make check's time on 2 busy cores.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "no jq"
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer tree" ;; esac

plan 42

EVAL=$TOP/bench/eval.sh
K=$TMP/k
EVAL_KEEP=$K sh "$EVAL" -u 60 -d 30 -s 2 >"$TMP/out" 2>"$TMP/err"
echo $? >"$TMP/rc"
echo 0 >"$TMP/want"
check_same "eval.sh -u 60 -d 30 -s 2: exit 0" "$TMP/rc" "$TMP/want"
# Only progress on stderr: a line per tenant generated, one per chunk of
# days scored (6 days by default), the last day's among them.
progress='^eval: seed [0-9]*: (generating \([0-9]+ s so far\)|generated in [0-9]+ s; scoring|[0-9]+ of [0-9]+ days scored|done \([0-9]+ s so far\))$'
check "no diagnostics, only progress" sh -c \
    "! grep -Ev '$progress' '$TMP/err'"
check "progress: the last day among them" grep -qx \
    'eval: seed 2: 30 of 30 days scored' "$TMP/err"
check "EVAL_KEEP kept the tenant and the pipeline's files" \
    test -d "$K/raw" -a -s "$K/events" -a -s "$K/insights" -a -s "$K/alerts"
# eval.sh sorts irm-gen's events a chunk of days at a time; the insights
# are those of one sort of every event.
irm-norm "$K"/raw/* | sort | irm-score -s "$K/settings.json" \
    -p "$K/policies" >"$TMP/one-sort" 2>/dev/null
check_same "sorted a chunk of days at a time: the insights of one sort" \
    "$K/insights" "$TMP/one-sort"
# (eval.sh's events are irm-norm --mapped-only's: compared with a full
# irm-norm's they would differ in bytes, whatever their order.)
irm-norm --mapped-only "$K"/raw/* | sort | cmp -s - "$K/events"
echo $? >"$TMP/rc"
echo 1 >"$TMP/want"
check_same "... though the events are not in one order" "$TMP/rc" \
    "$TMP/want"

grep '^#' "$TMP/out" >"$TMP/heads"
cat >"$TMP/want" <<'EOF'
# Detection quality: irm-gen -u 60 -d 30 -s 2, seed 2
## Seed 2
### Alerts per 1,000 users per 30 days
### Users without a scenario
### Their medium and high alerts by policy
### Their medium and high alerts by insight kind
### Their medium and high alerts by top insight
### Goals
### Precision and recall
EOF
check_same "the report's headings" "$TMP/heads" "$TMP/want"
grep -c '^- .*: \(PASS\|FAIL\|SKIP\)$' "$TMP/out" >"$TMP/n"
echo 8 >"$TMP/want"
check_same "eight goals, each PASS, FAIL or SKIP" "$TMP/n" "$TMP/want"
check "the time it took" grep -q '^[0-9]* s in all\.$' "$TMP/out"

# part FILE TITLE: the lines of FILE's part headed "### TITLE".
part() {
	sed -n "/^### $2\$/,/^##/p" "$1"
}

# The numbers the report is made of, from the kept files.
users=$(($(wc -l <"$K/directory.csv") - 1))
planted=$(($(wc -l <"$K/answers.csv") - 1))
clean=$((users - planted))
days=30
jq -c -n 'reduce inputs as $a ({}; .[$a.event.id] = $a) | .[]' \
    "$K/alerts" >"$TMP/final"
jq -c -n '[inputs | {(.event.id): .irm.insight}] | add // {}' \
    "$K/insights" >"$TMP/kinds"
# The final alerts of users without a scenario, medium or high.
jq -c --rawfile ans "$K/answers.csv" '
    ($ans | split("\n")[1:] | map(select(length > 0) |
	{(split(",")[0]): true}) | add) as $p |
    select($p[.user.name] | not)' "$TMP/final" >"$TMP/clean"
jq -c 'select(.irm.alert.severity != "low")' "$TMP/clean" >"$TMP/false"
tail -n +2 "$K/answers.csv" | cut -d, -f1 >"$TMP/planted"

sed -n 's/.*; \([0-9]*\) events, \([0-9]*\) insights, \([0-9]*\) alerts;.*/\1 \2 \3/p' \
    "$TMP/out" >"$TMP/got"
echo "$(wc -l <"$K/events") $(wc -l <"$K/insights") $(wc -l <"$TMP/final")" |
    tr -s ' ' >"$TMP/want"
check_same "events, insights and alerts counted" "$TMP/got" "$TMP/want"

# Per planted user: scenario, user, highest severity, best score, rank
# of the best alert among all alerts (1 + the alerts scoring more).
tail -n +2 "$K/answers.csv" | while IFS=, read -r u sc rest; do
	jq -r -s --arg u "$u" --arg sc "$sc" '
	    (map(select(.user.name == $u)) | max_by(.irm.alert.score)) as $b |
	    if $b == null then "\($sc) \($u) - - -" else
	    "\($sc) \($u) \(map(select(.user.name == $u) |
		.event.severity) | max | ["-", "low", "medium", "high"][.])" +
	    " \($b.irm.alert.score) \(map(select(.irm.alert.score >
		$b.irm.alert.score)) | length + 1)" end' "$TMP/final"
done >"$TMP/want"
sed -n '/^| scenario |/,/^$/p' "$TMP/out" | sed '1,2d;$d' |
    awk -F' [|] ' '{print substr($1, 3), $2, $7, $8, $9}' >"$TMP/got"
check_same "planted users: severity, score and rank" "$TMP/got" "$TMP/want"
check "planted users: rank % is rank / alerts" sh -c "
    sed -n '/^| scenario |/,/^\$/p' '$TMP/out' | sed '1,2d;\$d' |
    awk -F' [|] ' -v n=$(wc -l <"$TMP/final") '
	\$9 != \"-\" && \$10 != sprintf(\"%.2f\", 100 * \$9 / n) { bad++ }
	END { exit bad > 0 }'"

# Each user's risk, recomputed from the alerts and the insights: the
# lead alert (queue order: score, newest, id) and the (day, indicator or
# kind) pairs only the user's other alerts hold, 2 points each, at most
# 10, at most 100 in all (irm-alert(5) USER RISK RECORD).
jq -r -n --slurpfile ins "$K/insights" --slurpfile al "$TMP/final" '
    ($ins | map({(.event.id): "\(.["@timestamp"][0:10]) \(.irm.indicator //
	.irm.insight)"}) | add // {}) as $act |
    $al | group_by(.user.name)[] |
    sort_by([-.irm.alert.score,
	-(.irm.alert.last_seen[0:19] + "Z" | fromdate), .event.id]) as $v |
    ($v[0].irm.alert.insights | map($act[.]) | unique) as $lead |
    ([$v[1:][] | .irm.alert.insights[] | $act[.]] | unique - $lead |
	length) as $c |
    "\($v[0].user.name) \([100, $v[0].irm.alert.score +
	([10, 2 * $c] | min)] | min)"' | sort >"$TMP/risk"
jq -r '"\(.user.name) \(.irm.user_risk.risk)"' "$K/users" | sort >"$TMP/got"
check_same "the per-user view: a record per user with an alert, its risk" \
    "$TMP/got" "$TMP/risk"
# Per planted user: the rank among the users with an alert (1 + the
# users of a higher risk) and its percentage of them.
nu=$(wc -l <"$TMP/risk" | tr -d ' ')
tail -n +2 "$K/answers.csv" | cut -d, -f1 | while read -r u; do
	awk -v u="$u" -v n="$nu" '{ r[$1] = $2 } END {
	    if (!(u in r)) { print "- -"; exit }
	    for (k in r) above += r[k] > r[u]
	    printf "%d %.2f\n", above + 1, 100 * (above + 1) / n }' "$TMP/risk"
done >"$TMP/want"
sed -n '/^| scenario |/,/^$/p' "$TMP/out" | sed '1,2d;$d' |
    awk -F' [|] ' '{print $11, $12}' >"$TMP/got"
check_same "planted users: rank and rank % among users" "$TMP/got" \
    "$TMP/want"
# The per-user goal: caught at the expected severity (medium unless the
# answers say) and ranked within max(1, ceil(2% of the users)).
sed -n '/^| scenario |/,/^$/p' "$TMP/out" | sed '1,2d;$d' |
    awk -F' [|] ' -v n="$nu" '
	BEGIN { cut = int(0.02 * n); cut += cut < 0.02 * n; cut += !cut
	    v["low"] = 1; v["medium"] = 2; v["high"] = 3 }
	$6 != "none" { t++; ok += $7 in v && v[$7] >= v[$6] && $11 != "-" &&
	    $11 <= cut }
	END { printf "%d of %d: %s\n", ok, t, ok == t ? "PASS" : "FAIL" }' \
    >"$TMP/want"
sed -n 's/^- every planted insider .* in the top 2% of users with an alert: \([0-9]* of [0-9]*\).*: \([A-Z]*\)$/\1: \2/p' \
    "$TMP/out" >"$TMP/got"
check_same "the per-user goal from the same figures" "$TMP/got" "$TMP/want"
# Precision and recall from the final alerts and the answer key: the
# insiders (expected not none), the users and alerts of medium or high.
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["expected"] != "none" { print $c["user"] }' "$K/answers.csv" |
    sort -u >"$TMP/insiders"
jq -r 'select(.irm.alert.severity != "low") | .user.name' "$TMP/final" \
    >"$TMP/qalerts"
sort -u "$TMP/qalerts" >"$TMP/qusers"
{
	echo "$(comm -12 "$TMP/insiders" "$TMP/qusers" | wc -l)" \
	    "$(wc -l <"$TMP/insiders")"
	echo "$(comm -12 "$TMP/insiders" "$TMP/qusers" | wc -l)" \
	    "$(wc -l <"$TMP/qusers")"
	echo "$(grep -cxFf "$TMP/insiders" "$TMP/qalerts")" \
	    "$(wc -l <"$TMP/qalerts")"
} | tr -s ' ' >"$TMP/want"
sed -n 's/^- \(recall\|precision by user\|precision by alert\): \([0-9]*\) of \([0-9]*\) .*/\2 \3/p' \
    "$TMP/out" >"$TMP/got"
check_same "recall and precision by user and by alert, from the alerts" \
    "$TMP/got" "$TMP/want"
cut -d, -f2 "$K/answers.csv" | tail -n +2 >"$TMP/want"
sed -n '/^| scenario |/,/^$/p' "$TMP/out" | sed '1,2d;$d' |
    awk -F' [|] ' '{print substr($1, 3)}' >"$TMP/got"
check_same "a row per planted user, in answers.csv's order" "$TMP/got" \
    "$TMP/want"

for s in high medium low; do
	jq -r --arg s "$s" 'select(.irm.alert.severity == $s) | .event.id' \
	    "$TMP/final" | wc -l
done >"$TMP/n"
for s in high medium low; do
	jq -r --arg s "$s" 'select(.irm.alert.severity == $s) | .event.id' \
	    "$TMP/clean" | wc -l
done >"$TMP/m"
{
	awk -v d="$users $days" 'BEGIN { split(d, x, " ") }
	    { n[NR] = $1; t += $1 } END { printf "| all users | %.1f | %.1f |" \
	    " %.1f | %.1f |\n", n[1] * 30000 / (x[1] * x[2]),
	    n[2] * 30000 / (x[1] * x[2]), n[3] * 30000 / (x[1] * x[2]),
	    t * 30000 / (x[1] * x[2]) }' "$TMP/n"
	awk -v d="$clean $days" 'BEGIN { split(d, x, " ") }
	    { n[NR] = $1; t += $1 } END { printf "| users without a scenario |" \
	    " %.1f | %.1f | %.1f | %.1f |\n", n[1] * 30000 / (x[1] * x[2]),
	    n[2] * 30000 / (x[1] * x[2]), n[3] * 30000 / (x[1] * x[2]),
	    t * 30000 / (x[1] * x[2]) }' "$TMP/m"
} >"$TMP/want"
part "$TMP/out" 'Alerts per 1,000 users per 30 days' |
    grep '^| all\|^| users w' >"$TMP/got"
check_same "alerts per 1,000 users per 30 days" "$TMP/got" "$TMP/want"

any=$(jq -r '.user.name' "$TMP/clean" | sort -u | wc -l)
fm=$(jq -r '.user.name' "$TMP/false" | sort -u | wc -l)
fh=$(jq -r 'select(.irm.alert.severity == "high") | .user.name' \
    "$TMP/false" | sort -u | wc -l)
awk -v c="$clean" -v a="$any" -v m="$fm" -v h="$fh" -v d="$days" 'BEGIN {
	printf "| %d | %d | %d | %.2f | %.2f | %d | %.2f | %.2f |\n", c, a, m,
	    100 * m / c, 100 * m / c * 60 / d, h, 100 * h / c,
	    100 * h / c * 60 / d }' >"$TMP/want"
part "$TMP/out" 'Users without a scenario' | grep '^| [0-9]' >"$TMP/got"
check_same "users without a scenario: medium or high, high" "$TMP/got" \
    "$TMP/want"
sed -n 's/^- users without a scenario with a medium or high alert: \([0-9.]*\)%.*/\1/p' \
    "$TMP/out" >"$TMP/got"
awk -v c="$clean" -v m="$fm" -v d="$days" \
    'BEGIN { printf "%.2f\n", 100 * m / c * 60 / d }' >"$TMP/want"
check_same "goal 2 uses the same figure" "$TMP/got" "$TMP/want"

# table TITLE: the rows of a breakdown table, sorted.
table() {
	sed -n "/^### $1\$/,/^###/p" "$TMP/out" | grep '^| `' | sort
}
# rows JQ-KEY: the same rows from the false alerts, JQ-KEY giving the
# alert's keys (a list).
rows() {
	jq -c -s --slurpfile k "$TMP/kinds" '
	    ($k[0] | to_entries | map(select(.value != "indicator") |
		{(.value): true}) | add // {}) as $named |
	    [.[] | . as $a | ('"$1"') | unique[] | {key: ., a: $a}] |
	    group_by(.key)[] |
	    "| `\(.[0].key)` | \(map(.a.user.name) | unique | length) |" +
	    " \(map(select(.a.irm.alert.severity == "high") | .a.user.name) |
		unique | length) | \(length) |"' "$TMP/false" |
	    sed 's/^"//; s/"$//' | sort
}
table 'Their medium and high alerts by policy' >"$TMP/got"
rows '[.rule.name]' >"$TMP/want"
check_same "false alerts by policy" "$TMP/got" "$TMP/want"
table 'Their medium and high alerts by insight kind' >"$TMP/got"
rows '[.irm.alert.insights[] | $k[0][.] // "?"] +
    [.irm.alert.risk_factors[] | select($named[.])]' >"$TMP/want"
check_same "false alerts by insight kind" "$TMP/got" "$TMP/want"
table 'Their medium and high alerts by top insight' >"$TMP/got"
rows '[.irm.alert.top[0].indicator]' >"$TMP/want"
check_same "false alerts by top insight" "$TMP/got" "$TMP/want"

# Several seeds: a part per seed, then the pooled part, whose counts are
# the sums of the seeds'.
sh "$EVAL" --check --seeds 3,4 -u 20 -d 15 >"$TMP/multi" 2>"$TMP/err"
echo $? >"$TMP/mrc"
check "--seeds 3,4: no diagnostics" sh -c "! grep -Ev '$progress' '$TMP/err'"
grep '^## \|^# ' "$TMP/multi" >"$TMP/got"
printf '%s\n' "# Detection quality: irm-gen -u 20 -d 15, seeds 3, 4" \
    "## Seed 3" "## Seed 4" "## All seeds" >"$TMP/want"
check_same "--seeds: a part per seed and a pooled one" "$TMP/got" \
    "$TMP/want"
part "$TMP/multi" 'Users without a scenario' | grep '^| [0-9]' | awk -F' [|] ' '
	NR < 3 { c += substr($1, 3); a += $2; m += $3; h += $6 }
	NR == 3 { print c, a, m, h; print substr($1, 3), $2, $3, $6 }' \
    >"$TMP/got"
check "pooled users without a scenario are the sums of the seeds'" \
    sh -c "test \$(sort -u '$TMP/got' | wc -l) = 1"
sed -n '/^## All seeds/,$p' "$TMP/multi" | grep '^| [34] |' |
    awk -F' [|] ' '{print $8, $9, $11}' >"$TMP/got"
part "$TMP/multi" 'Users without a scenario' | grep '^| [0-9]' | sed 2q |
    awk -F' [|] ' '{print substr($1, 3), $3, $6}' >"$TMP/want"
check_same "the line per seed repeats the seed's figures" "$TMP/got" \
    "$TMP/want"
# --jobs 1 scores the seeds one after the other: the same report, but for
# the times, as the default that scores them at once.
sh "$EVAL" --jobs 1 --seeds 3,4 -u 20 -d 15 >"$TMP/serial" 2>/dev/null
untimed() {
	grep -vE '( s|seconds \|)' "$1" | grep -vE '^\| [34] \| 20 \||^20[0-9-]+T'
}
untimed "$TMP/multi" >"$TMP/want"
untimed "$TMP/serial" >"$TMP/got"
check_same "--jobs 1: the report of seeds scored at once" "$TMP/got" \
    "$TMP/want"
sh "$EVAL" --jobs 0 --seeds 3 -u 20 -d 15 >/dev/null 2>&1
check "--jobs 0: usage error" test $? = 2
# The pooled "in the top 2% of users" per seed: the seed's insiders
# (expected is not none) whose user rank is within its cut.
for sd in 3 4; do
	sed -n "/^## Seed $sd\$/,/^##* [^S]/p" "$TMP/multi" >"$TMP/part.$sd"
	ucut=$(sed -n 's/.*: user rank \([0-9]*\) or better\.$/\1/p' "$TMP/part.$sd")
	sed -n '/^| scenario |/,/^$/p' "$TMP/part.$sd" | sed '1,2d;$d' |
	    awk -F' [|] ' -v c="$ucut" -v sd="$sd" '$6 != "none" { t++
		ok += $11 != "-" && $11 <= c } END { print sd, ok " of " t }'
done >"$TMP/want"
sed -n '/^## All seeds/,$p' "$TMP/multi" | grep '^| [34] |' |
    awk -F' [|] ' '{print substr($1, 3), $7}' >"$TMP/got"
check_same "the line per seed counts the insiders in the top 2% of users" \
    "$TMP/got" "$TMP/want"
if sed -n '/^## All seeds/,$p' "$TMP/multi" | grep -q '^- .*: FAIL$'; then
	echo 1
else
	echo 0
fi >"$TMP/want"
check_same "--check: exit 1 exactly when a pooled goal fails" "$TMP/mrc" \
    "$TMP/want"

# The answer key's expected column: a benign look-alike (a user without
# a scenario, one with a medium or high alert if there is one) and a
# cert-* scenario.
fu=$(jq -r '.user.name' "$TMP/false" | sort -u | head -1)
if [ -n "$fu" ]; then
	sv=$(jq -r -s --arg u "$fu" '[.[] | select(.user.name == $u) |
	    .irm.alert.severity] | if index("high") != null then "high"
	    else "medium" end' "$TMP/false")
	g3="0 of 1 (not: quiet-leaver $sv): FAIL"
	fm2=$((fm - 1))
else
	fu=$(tail -n +2 "$K/directory.csv" | cut -d, -f1 |
	    grep -vxF -f "$TMP/planted" | head -1)
	g3="1 of 1: PASS"
	fm2=$fm
fi
# irm-gen's own expected column and cert-* rows are replaced by these.
cut -d, -f1-4 "$K/answers.csv" | sed 's/,cert-/,c-/' >"$TMP/answers.orig"
awk -F, -v fu="$fu" 'NR == 1 { print $0 ",expected"; next }
    { print $0 "," (NR == 2 ? "high" : "medium") }
    END { print fu ",quiet-leaver,2026-03-02,2026-03-31,none" }' \
    "$TMP/answers.orig" | sed '3s/,job-hunting,/,cert-leaker,/' \
    >"$K/answers.csv"
printf '# Detection quality: tenant %s\n\nstale\n\n# Other\n\nkept\n' \
    "$K" >"$TMP/results.md"
sh "$EVAL" --tenant "$K" --results "$TMP/results.md" >"$TMP/t" 2>"$TMP/err"
echo $? >"$TMP/rc"
echo 0 >"$TMP/want"
check_same "--tenant: exit 0" "$TMP/rc" "$TMP/want"
# The first two rows as judged before, now expecting high and medium,
# and the look-alike's.
sed -n '/^| scenario |/,/^$/p' "$TMP/out" | sed '1,2d;$d' | sed 2q |
    awk -F' [|] ' -v n="$(wc -l <"$TMP/final")" -v g3="$g3" '
	BEGIN { cut = int(0.02 * n); cut += cut < 0.02 * n; cut += !cut }
	{ top = $9 != "-" && $9 <= cut }
	NR == 1 { print substr($1, 3), "high",
	    $7 == "high" && top ? "PASS" : "FAIL" }
	NR == 2 { caught = $7 ~ /^(high|medium)$/
	    print "cert-leaker medium", caught && top ? "PASS" : "FAIL" }
	END { print "quiet-leaver none", g3 ~ /FAIL/ ? "FAIL" : "PASS"
	    print caught >"/dev/stderr" }' >"$TMP/want" 2>"$TMP/caught"
sed -n '/^| scenario |/,/^$/p' "$TMP/t" | sed '1,2d;$d' |
    awk -F' [|] ' '{sub(/ [|]$/, "", $14); print substr($1, 3), $6, $14}' |
    sed -n '1p;2p;$p' >"$TMP/got"
check_same "the expected column: read, shown and judged" "$TMP/got" \
    "$TMP/want"
grep '^- benign look-alikes' "$TMP/t" >"$TMP/got"
echo "- benign look-alikes never medium or high: $g3" >"$TMP/want"
check_same "goal 3 judges the look-alike" "$TMP/got" "$TMP/want"
part "$TMP/t" 'Users without a scenario' | grep '^| [0-9]' |
    awk -F' [|] ' '{print substr($1, 3), $3}' >"$TMP/got"
echo "$((clean - 1)) $fm2" >"$TMP/want"
check_same "the look-alike is no longer a user without a scenario" \
    "$TMP/got" "$TMP/want"
grep '^- CERT-shaped' "$TMP/t" | sed 's/ while .*//' >"$TMP/got"
awk -v c="$(cat "$TMP/caught")" 'BEGIN { printf "- CERT-shaped scenarios" \
    " caught: %d of 1 (%.1f%%, >= 90%%)\n", c, 100 * c }' >"$TMP/want"
check_same "goal 4 counts the cert-* scenario" "$TMP/got" "$TMP/want"
grep '^# \|^kept$\|^stale$\|in all\.$' "$TMP/results.md" |
    sed 's/^[0-9]* s in all\.$/N s in all./' >"$TMP/got"
printf '%s\n' "# Detection quality: tenant $K" "N s in all." "# Other" \
    "kept" >"$TMP/want"
check_same "--results: the section replaced, the others kept" "$TMP/got" \
    "$TMP/want"

# Raw files whose names do not start with their day: one sort of every
# event, the same alerts for the planted users (the days come from the
# events then, and a record dated after the last file's day adds one).
cp -r "$K" "$TMP/k2" &&
    for f in "$TMP"/k2/raw/*; do
	    b=${f##*/}
	    mv "$f" "$TMP/k2/raw/${b#??????????-}.${b%%-[a-z]*}"
    done
sh "$EVAL" --tenant "$TMP/k2" >"$TMP/t2" 2>"$TMP/err2"
# report FILE: its rows of planted users.
report() {
	grep '^| [a-z-]* | [a-z.]*@' "$1"
}
report "$TMP/t" >"$TMP/r1"
report "$TMP/t2" >"$TMP/r2"
check "other raw names (not DAY-...): a report, only progress on stderr" \
    sh -c "[ -s '$TMP/r2' ] && [ \"\$(sed 's/([0-9]* s/(N s/' '$TMP/err2')\" = 'eval: $TMP/k2: scoring (N s so far)
eval: $TMP/k2: done (N s so far)' ]"
check_same "... the planted users' alerts of a chunk of days at a time" \
    "$TMP/r2" "$TMP/r1"

# irm-gen -f cert writes the HR rows apart, in hr/: eval.sh reads them,
# so the resignation puts the departing user in the departing policy's
# scope (before, only data-leaks alerted).
irm-gen -f cert -u 20 -d 21 -c departing-exfil "$TMP/cert" >/dev/null 2>&1
sh "$EVAL" --tenant "$TMP/cert" 2>/dev/null |
    grep '^| departing-exfil ' | cut -d'|' -f6 >"$TMP/got"
echo " yes departing-data-theft " >"$TMP/want"
check_same "a CERT-format tenant: its hr/ read, the departing policy alerts" \
    "$TMP/got" "$TMP/want"

check_rc "--seeds with -s: usage error" 2 sh "$EVAL" --seeds 1,2 -s 3
check_rc "--tenant with irm-gen options: usage error" 2 \
    sh "$EVAL" --tenant "$K" -u 10
done_testing
