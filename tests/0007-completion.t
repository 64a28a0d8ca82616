#!/bin/sh
# The bash completion (completion/irm.bash): sourced in bash, asked for
# the completions of a command line as readline would (COMP_WORDS,
# COMP_CWORD), its COMPREPLY checked: every option of each tool's --help,
# irm-case's commands and their options, the values of formats,
# severities, scenarios, modes and zones, files and directories where an
# option takes them.
. "$(dirname "$0")/lib.sh"
command -v bash >/dev/null || skip_all "no bash"
C=$TOP/completion/irm.bash
plan 33

# comp WORD...: the completions of the line, the cursor in the last word,
# sorted, one a line.
cat >"$TMP/comp.bash" <<'EOF'
. "$1" || exit 3
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
_irm "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" \
    "${COMP_WORDS[COMP_CWORD - 1]}" || exit 3
printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
EOF
comp() { bash "$TMP/comp.bash" "$C" "$@"; }
# is WANT WORD...: the completions are WANT, words separated by spaces.
is() {
	_want=$1; shift
	comp "$@" >"$TMP/got" 2>&1
	printf '%s\n' $_want | LC_ALL=C sort >"$TMP/want"
	check_same "$* -> $_want" "$TMP/got" "$TMP/want"
}

# Every option of every tool's --help, short and long, and nothing else.
for t in irm-case irm-fetch irm-gen irm-norm irm-report irm-score; do
	$t --help | sed -n 's/^ *\(-[^ ].*\)/\1/p' | sed 's/  .*//' |
	    tr ', ' '\n\n' | grep '^-' | LC_ALL=C sort -u >"$TMP/want"
	comp "$t" - >"$TMP/got"
	check_same "$t -<TAB>: the options of $t --help" "$TMP/got" "$TMP/want"
done
irm-case list --help | sed -n 's/^ *\(-[^ ].*\)/\1/p' | sed 's/  .*//' |
    tr ', ' '\n\n' | grep '^-' | LC_ALL=C sort -u >"$TMP/want"
comp irm-case -S store list - >"$TMP/got"
check_same "irm-case -S store list -<TAB>: list's options" "$TMP/got" \
    "$TMP/want"

is "confirm dismiss list note notice resolve reveal show verify" irm-case ''
is "list" irm-case -S store li
is "--cases" irm-case list --ca
is "--reason" irm-case dismiss --re
is "benign violation" irm-case resolve --action revoked case-1 ''
is "needs_review" irm-case list --status n
is "low medium high" irm-case list --severity ''
is "html" irm-case list -f h
is "csv html jsonl o365 ocsf table" irm-report -f ''
is "csv" irm-report --format=c
is "csv" irm-report --format = c
is "low medium high" irm-report --fail-on ''
is "medium" irm-report --fail-on-new m
is "badge-json cert custom-csv graph hr-csv o365 purview-csv" irm-norm -f ''
is "job-change" irm-norm --hr-scenario j
is "Europe/Berlin" irm-norm -t Europe/Berl
is "departing-evasion departing-exfil" irm-gen -c depart
is "cert o365" irm-gen -f ''
is "graph o365 url" irm-fetch ''
is "v1 v2" irm-fetch o365 --token-endpoint ''

# Files and directories.
mkdir -p "$TMP/w/pol.d" "$TMP/w/store.d"
: >"$TMP/w/pol.json"
: >"$TMP/w/events.jsonl"
cd "$TMP/w" || exit 3
is "pol.d pol.json" irm-score -s settings.json -p po
is "store.d" irm-score -S st
is "events.jsonl" irm-norm -o ev
is "events.jsonl pol.d pol.json store.d" irm-report -o ''
is "events.jsonl" irm-norm -u ev
is "pol.json" irm-case notice --template pol.j
done_testing
