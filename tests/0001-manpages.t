#!/bin/sh
# Options and manual pages agree.  Each tool cmd/irm-*.c has one struct
# irm_opt table that gives both its getopt_long tables and its --help, so
# --help lists what the code parses.  --help prints the synopsis and one
# line per option, with what it does and, for an option with an argument,
# its default (or "required"), on stdout with exit 0; every option of
# --help has an entry in man/TOOL.1 (".It Fl x" and "Fl -name") and the
# page names no option that --help lacks; the synopsis matches the
# SYNOPSIS; irm-case's commands do the same (irm-case list --help);
# --version prints "TOOL VERSION"; and a bad option exits 2 with the
# synopsis alone on stderr.  Every page in man/ is clean under
# mandoc -Tlint -Wwarning.  The binaries come from PATH, the sources and
# pages from $TOP.
. "$(dirname "$0")/lib.sh"

MAN=$TOP/man
tools=$(cd "$TOP/cmd" && ls irm-*.c 2>/dev/null | sed 's/\.c$//')
pages=$(cd "$MAN" && ls 2>/dev/null)
pages1=$(cd "$MAN" && ls irm-*.1 2>/dev/null)
have_mandoc=0
command -v mandoc >/dev/null 2>&1 && have_mandoc=1
BS=$(printf '\b')

count() { if [ -z "$1" ]; then echo 0; else echo "$1" | wc -l; fi; }
# irm-case's commands, from its --help: two tests each.
commands=$(irm-case --help 2>/dev/null |
    sed -n 's/^ *\(usage:\)\{0,1\} *irm-case \([a-z][a-z]*\) .*/\2/p')
plan $(($(count "$tools") * 10 + $(count "$commands") * 3 + $(count "$pages") + $(count "$pages1")))

# skip MSG REASON: a test that cannot run here.
skip() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $1 # SKIP $2"; }

# verdict MSG FILE: passes when FILE is empty, else shows it.
verdict() {
	if [ -s "$2" ]; then not_ok "$1"; sed 's/^/# /' "$2"; else ok "$1"; fi
}

# words: whitespace-normalised text of stdin on one line.
words() { tr -s ' \t\n' '   ' | sed 's/^ //; s/ $//'; }

# help_opts: from a --help text on stdin, one line per option after the
# synopsis: "-x" or "--name", then 1 when it takes an argument, else 0,
# then its description, tab-separated ("-f, --format format  what it
# does" gives two lines).
help_opts() {
	awk '
	!body { if ($0 == "") body = 1; next }
	/^ +-/ {
		line = $0
		sub(/^ +/, "", line)
		i = index(line, "  ")
		left = i ? substr(line, 1, i - 1) : line
		desc = i ? substr(line, i) : ""
		sub(/^ +/, "", desc)
		n = split(left, w, " ")
		arg = 0
		for (j = 1; j <= n; j++)
			if (w[j] !~ /^-/)
				arg = 1
		for (j = 1; j <= n; j++) {
			f = w[j]
			sub(/,$/, "", f)
			if (f ~ /^-/)
				print f "\t" arg "\t" desc
		}
	}'
}

# man_flags [all|items] PAGE: every option a page names with Fl, as -x or
# --name (bundled flags, "Fl uV", one by one); "items" looks only at .It
# lines (the option list).
man_flags() {
	awk -v only="$1" '
	/^\./ {
		if (only == "items" && $1 != ".It")
			next
		infl = 0
		for (i = 1; i <= NF; i++) {
			w = $i
			if (w == "Fl") { infl = 1; continue }
			if (w ~ /^[A-Z][a-z][a-z]?$/) { infl = 0; continue }
			if (!infl)
				continue
			if (w ~ /^-[A-Za-z0-9][-A-Za-z0-9_]*$/)
				print "-" w
			else if (w ~ /^[A-Za-z0-9]+$/)
				for (j = 1; j <= length(w); j++)
					print "-" substr(w, j, 1)
		}
	}' "$2" | sort -u
}

# help_flags: the options in a usage text on stdin, as -x or --name;
# bundled flags such as [-uV] count one by one.
help_flags() {
	tr '[]|' '   ' | tr -s ' \t' '\n\n' | awk '
	/^--[A-Za-z0-9]/ { sub(/=.*/, ""); print; next }
	/^-[A-Za-z0-9]+$/ {
		for (i = 2; i <= length($0); i++)
			print "-" substr($0, i, 1)
	}' | sort -u
}

# synopsis PAGE: the SYNOPSIS section as mandoc renders it, normalised.
synopsis() {
	mandoc -Tascii "$1" 2>/dev/null | sed "s/.$BS//g" |
	    awk '/^SYNOPSIS/ { on = 1; next } on && /^[^ \t]/ { exit } on' |
	    words
}

version=$(sed -n 's/^VERSION *= *//p' "$TOP/Makefile")

for tool in $tools; do
	src=$TOP/cmd/$tool.c
	page=$MAN/$tool.1
	bin=$(command -v "$tool" 2>/dev/null)
	: >"$TMP/bad"

	# The page exists and is the tool's.
	upper=$(echo "$tool" | tr '[:lower:]' '[:upper:]')
	if [ -f "$page" ] && grep -q "^\.Dt $upper 1\$" "$page"; then
		ok "$tool: man/$tool.1 exists with .Dt $upper 1"
	else
		not_ok "$tool: man/$tool.1 missing or without .Dt $upper 1"
		touch "$TMP/nopage"
		page=/dev/null
	fi

	man_flags items "$page" >"$TMP/items"
	man_flags all "$page" >"$TMP/all"

	# One table per tool gives both getopt_long's tables and the --help
	# lines (struct irm_opt): no struct option is written by hand.
	if grep -n '_argument,' "$src" >"$TMP/bad"; then
		not_ok "$tool: options only in its struct irm_opt table"
		sed 's/^/# /' "$TMP/bad"
	else
		ok "$tool: options only in its struct irm_opt table"
	fi

	if [ -z "$bin" ]; then
		for t in "--help" "--help documented" "documented in --help" \
		    "--help descriptions" "--help matches SYNOPSIS" \
		    "--version" "bad long option" "bad short option"; do
			not_ok "$tool: $t: $tool not found on PATH"
		done
		continue
	fi

	# --help: usage on stdout, nothing on stderr, exit 0.
	"$tool" --help </dev/null >"$TMP/help" 2>"$TMP/err"
	rc=$?
	if [ "$rc" = 0 ] && [ ! -s "$TMP/err" ] &&
	    grep -q "^usage: $tool " "$TMP/help"; then
		ok "$tool: --help prints the usage on stdout and exits 0"
	else
		not_ok "$tool: --help: exit $rc"
		sed 's/^/# stdout: /' "$TMP/help"
		sed 's/^/# stderr: /' "$TMP/err"
	fi
	help_opts <"$TMP/help" >"$TMP/opts"
	# A tool with commands: each command's --help, which must succeed
	# too (checked below), adds its options.
	if [ "$tool" = irm-case ]; then
		for cmd in $commands; do
			irm-case "$cmd" --help </dev/null 2>/dev/null | help_opts
		done >>"$TMP/opts"
	fi
	cut -f 1 "$TMP/opts" | sort -u >"$TMP/hflags"

	# Every option of --help has an entry in the page's option list.
	: >"$TMP/bad"
	while read -r f; do
		grep -qx -- "$f" "$TMP/items" || echo "$f is in --help, not in the option list of $tool.1" >>"$TMP/bad"
	done <"$TMP/hflags"
	[ -s "$TMP/hflags" ] || echo "no option lines in --help" >>"$TMP/bad"
	verdict "$tool: every option of --help ($(wc -l <"$TMP/hflags")) is in $tool.1" "$TMP/bad"

	# The page names no option that --help lacks.
	: >"$TMP/bad"
	while read -r f; do
		grep -qx -- "$f" "$TMP/hflags" || echo "$f is in $tool.1, not in --help" >>"$TMP/bad"
	done <"$TMP/all"
	verdict "$tool: every option of $tool.1 is in --help" "$TMP/bad"

	# One line per option with what it does; an option with an argument
	# says its default, or that it is required.
	: >"$TMP/bad"
	while IFS='	' read -r f arg desc; do
		if [ -z "$desc" ]; then
			echo "$f: no description" >>"$TMP/bad"
		elif [ "$arg" = 1 ]; then
			case $desc in
			*"(default"*|*"(required"*) ;;
			*) echo "$f: no default: $desc" >>"$TMP/bad" ;;
			esac
		fi
	done <"$TMP/opts"
	verdict "$tool: every --help option has a description (and its default)" "$TMP/bad"

	# The synopsis of --help (up to the first blank line) and the
	# SYNOPSIS say the same, up to white space.
	if [ "$have_mandoc" = 0 ]; then
		skip "$tool: --help matches the SYNOPSIS" "mandoc missing"
	else
		sed '/^$/,$d; 1s/^usage: //' "$TMP/help" | words >"$TMP/u"
		synopsis "$page" >"$TMP/s"
		check_same "$tool: --help matches the SYNOPSIS of $tool.1" "$TMP/u" "$TMP/s"
	fi

	# --version prints "TOOL VERSION" (VERSION from the Makefile).
	"$tool" --version </dev/null >"$TMP/out" 2>"$TMP/err"
	rc=$?
	out=$(cat "$TMP/out")
	want="$tool ${version:-VERSION}"
	good=0
	if [ "$rc" = 0 ] && [ -n "$version" ]; then
		[ "$out" = "$want" ] && good=1
	elif [ "$rc" = 0 ]; then
		case $out in "$tool "?*) good=1 ;; esac
	fi
	if [ "$good" = 1 ]; then
		ok "$tool: --version prints \"$out\""
	else
		not_ok "$tool: --version: exit $rc, printed \"$out\", want \"$want\""
	fi

	# A bad option: exit 2, nothing on stdout, the usage on stderr.
	for opt in --no-such-option \
	    -$(for c in q x y z j w Q X Y Z; do
		grep -qx -- "-$c" "$TMP/hflags" || { echo "$c"; break; }; done); do
		"$tool" "$opt" </dev/null >"$TMP/out" 2>"$TMP/err"
		rc=$?
		if [ "$rc" = 2 ] && [ ! -s "$TMP/out" ] &&
		    grep -q "^usage: $tool " "$TMP/err"; then
			ok "$tool $opt: exit 2, usage on stderr"
		else
			not_ok "$tool $opt: exit $rc, want 2 and the usage on stderr"
			sed 's/^/# stderr: /' "$TMP/err"
		fi
	done
done

# Each irm-case command: COMMAND --help and -h print its synopsis, which
# is the SYNOPSIS line of that command, and its options, on stdout with
# exit 0.
for cmd in $commands; do
	irm-case "$cmd" --help </dev/null >"$TMP/help" 2>"$TMP/err"
	rc=$?
	if [ "$rc" = 0 ] && [ ! -s "$TMP/err" ] &&
	    grep -q "^usage: irm-case $cmd" "$TMP/help" &&
	    grep -q -- '--help' "$TMP/help"; then
		ok "irm-case $cmd --help: its usage and options on stdout, exit 0"
	else
		not_ok "irm-case $cmd --help: exit $rc"
		sed 's/^/# stdout: /' "$TMP/help"
		sed 's/^/# stderr: /' "$TMP/err"
	fi
	irm-case "$cmd" -h </dev/null >"$TMP/h" 2>&1
	check_same "irm-case $cmd -h: as --help" "$TMP/h" "$TMP/help"
	if [ "$have_mandoc" = 0 ]; then
		skip "irm-case $cmd --help matches the SYNOPSIS" "mandoc missing"
		continue
	fi
	sed '/^$/,$d; 1s/^usage: //' "$TMP/help" | words >"$TMP/u"
	synopsis "$MAN/irm-case.1" | sed 's/ irm-case /\n irm-case /g' |
	    sed -n "s/^ //; /^irm-case $cmd /p; /^irm-case $cmd\$/p" | words >"$TMP/s"
	check_same "irm-case $cmd --help matches its SYNOPSIS line" "$TMP/u" "$TMP/s"
done

# Every tool page belongs to a tool that exists.
for p in $pages1; do
	if [ -f "$TOP/cmd/${p%.1}.c" ]; then
		ok "man/$p: cmd/${p%.1}.c exists"
	else
		not_ok "man/$p documents a tool with no cmd/${p%.1}.c"
	fi
done

# mandoc -Tlint -Wwarning is clean (style messages are not counted).
for p in $pages; do
	if [ "$have_mandoc" = 0 ]; then
		skip "man/$p: mandoc -Tlint -Wwarning" "mandoc missing"
		continue
	fi
	if mandoc -Tlint -Wwarning "$MAN/$p" >"$TMP/lint" 2>&1 &&
	    [ ! -s "$TMP/lint" ]; then
		ok "man/$p: mandoc -Tlint -Wwarning is clean"
	else
		not_ok "man/$p: mandoc -Tlint -Wwarning"
		sed 's/^/# /' "$TMP/lint"
	fi
done
done_testing
