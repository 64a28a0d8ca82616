#!/bin/sh
# Options and manual pages agree.  For each tool cmd/irm-*.c: every short
# option of its getopt_long string and every long option of its struct
# option table has an entry in man/TOOL.1 (".It Fl x" and "Fl -name"), the
# page names no option the code lacks, --help lists every option and
# matches the SYNOPSIS, --version prints "TOOL VERSION", and a bad option
# exits 2 with the usage on stderr.  Every page in man/ is clean under
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
plan $(($(count "$tools") * 10 + $(count "$pages") + $(count "$pages1")))

# skip MSG REASON: a test that cannot run here.
skip() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $1 # SKIP $2"; }

# verdict MSG FILE: passes when FILE is empty, else shows it.
verdict() {
	if [ -s "$2" ]; then not_ok "$1"; sed 's/^/# /' "$2"; else ok "$1"; fi
}

# words: whitespace-normalised text of stdin on one line.
words() { tr -s ' \t\n' '   ' | sed 's/^ //; s/ $//'; }

# code_shorts SRC: the letters of the getopt_long option strings (a tool
# with commands gives each its own, through a subopt() wrapper).
code_shorts() {
	tr '\n' ' ' <"$1" |
	    grep -oE '(getopt_long|subopt)\([^"()]*"[^"]*"' |
	    sed 's/.*"\([^"]*\)"$/\1/' | tr -d ':+\n-' | fold -w 1 | sort -u
}

# code_longs SRC: "NAME LETTER" for each struct option entry, LETTER "-"
# when the option has no short form.
code_longs() {
	sed -n "s/.*{ *\"\([^\"]*\)\", *[a-z]*_argument, *[A-Za-z0-9_]*, *'\(.\)'.*/\1 \2/p
	    t
	    s/.*{ *\"\([^\"]*\)\", *[a-z]*_argument,.*/\1 -/p" "$1"
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

	code_shorts "$src" >"$TMP/shorts"
	code_longs "$src" >"$TMP/longs"
	man_flags items "$page" >"$TMP/items"
	man_flags all "$page" >"$TMP/all"

	# Every short option has an entry in the option list.
	: >"$TMP/bad"
	while read -r c; do
		grep -qx -- "-$c" "$TMP/items" || echo "-$c not in the option list" >>"$TMP/bad"
	done <"$TMP/shorts"
	[ -s "$TMP/shorts" ] || echo "no getopt_long string found in $src" >>"$TMP/bad"
	verdict "$tool: every short option ($(tr -d '\n' <"$TMP/shorts")) is documented" "$TMP/bad"

	# Every long option has an entry in the option list.
	: >"$TMP/bad"
	while read -r name c; do
		grep -qx -- "--$name" "$TMP/items" || echo "--$name not in the option list" >>"$TMP/bad"
	done <"$TMP/longs"
	[ -s "$TMP/longs" ] || echo "no struct option table found in $src" >>"$TMP/bad"
	verdict "$tool: every long option ($(wc -l <"$TMP/longs")) is documented" "$TMP/bad"

	# The page names no option the code lacks.
	: >"$TMP/bad"
	while read -r f; do
		case $f in
		--*)	grep -q "^${f#--} " "$TMP/longs" ||
			    echo "$f is documented but not in the code" >>"$TMP/bad" ;;
		-?)	grep -qx -- "${f#-}" "$TMP/shorts" ||
			    echo "$f is documented but not in the code" >>"$TMP/bad" ;;
		*)	echo "$f is not an option form the code has" >>"$TMP/bad" ;;
		esac
	done <"$TMP/all"
	verdict "$tool: the page documents only options the code has" "$TMP/bad"

	if [ -z "$bin" ]; then
		for t in "--help" "--help lists every option" "--help matches SYNOPSIS" \
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

	# --help lists every option: the short form where there is one, else
	# the long one.  -h and -V (--help, --version) go without saying.
	help_flags <"$TMP/help" >"$TMP/hflags"
	: >"$TMP/bad"
	while read -r c; do
		case $c in h|V) continue ;; esac
		grep -qx -- "-$c" "$TMP/hflags" || echo "-$c missing from --help" >>"$TMP/bad"
	done <"$TMP/shorts"
	while read -r name c; do
		case $name in help|version) continue ;; esac
		[ "$c" = - ] || continue
		grep -qx -- "--$name" "$TMP/hflags" || echo "--$name missing from --help" >>"$TMP/bad"
	done <"$TMP/longs"
	verdict "$tool: --help lists every option" "$TMP/bad"

	# --help and the SYNOPSIS say the same, up to white space.
	if [ "$have_mandoc" = 0 ]; then
		skip "$tool: --help matches the SYNOPSIS" "mandoc missing"
	else
		sed '1s/^usage: //' "$TMP/help" | words >"$TMP/u"
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
		grep -qx "$c" "$TMP/shorts" || { echo "$c"; break; }; done); do
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
