#!/bin/sh
# make install honours PREFIX and DESTDIR, installs every binary with mode
# 0755, every man page and the bash completion (once per tool) with mode
# 0644, and nothing else; man finds the pages of a PREFIX whose bin is on
# PATH; make uninstall removes every file it installed.
. "$(dirname "$0")/lib.sh"
plan 13
d=$TMP/dest
check "make install succeeds" \
    make -s -C "$TOP" install DESTDIR="$d" PREFIX=/opt/irm
mode() { stat -c %a "$1" 2>/dev/null; }
bad=
for p in "$TOP"/cmd/irm-*.c; do
	b=$(basename "$p" .c)
	[ "$(mode "$d/opt/irm/bin/$b")" = 755 ] || bad="$bad $b"
done
check "binaries installed 0755 under DESTDIR/PREFIX/bin" test -z "$bad"
bad=
for m in "$TOP"/man/*.[0-9]; do
	s=${m##*.}
	[ "$(mode "$d/opt/irm/share/man/man$s/$(basename "$m")")" = 644 ] ||
	    bad="$bad $m"
done
check "man pages installed 0644 under share/man/manN" test -z "$bad"
bad=
for p in "$TOP"/cmd/irm-*.c; do
	b=$(basename "$p" .c)
	f=$d/opt/irm/share/bash-completion/completions/$b
	{ [ "$(mode "$f")" = 644 ] && cmp -s "$f" "$TOP/completion/irm.bash"; } ||
	    bad="$bad $b"
done
check "bash completion installed 0644 under share/bash-completion/completions, once per tool" \
    test -z "$bad"
check "nothing installed outside DESTDIR/PREFIX" \
    test -z "$(find "$d" -mindepth 1 -maxdepth 1 ! -name opt)"

# Every installed file, and only those.
for p in "$TOP"/cmd/irm-*.c; do
	b=$(basename "$p" .c)
	echo "opt/irm/bin/$b"
	echo "opt/irm/share/bash-completion/completions/$b"
done >"$TMP/want"
for m in "$TOP"/man/*.[0-9]; do
	echo "opt/irm/share/man/man${m##*.}/$(basename "$m")"
done >>"$TMP/want"
LC_ALL=C sort -o "$TMP/want" "$TMP/want"
(cd "$d" && find . ! -type d | sed 's|^\./||' | LC_ALL=C sort) >"$TMP/got"
check_same "install puts exactly the binaries, pages and completions" \
    "$TMP/got" "$TMP/want"

if command -v bash >/dev/null; then
	check "the installed completion, sourced in bash, registers _irm for irm-norm" \
	    bash -c ". '$d/opt/irm/share/bash-completion/completions/irm-norm' &&
	    complete -p irm-norm | grep -q -- '-F _irm'"
else
	ok "the installed completion loads in bash # SKIP no bash"
fi

make -s -C "$TOP" uninstall DESTDIR="$d" PREFIX=/opt/irm >/dev/null 2>&1
check "make uninstall removes every file, completions included" \
    test -z "$(find "$d" ! -type d)"
check "make uninstall leaves only the directories install made" \
    test -z "$(find "$d" -type d | sed "s|^$d||" |
    grep -v -x -E '|/opt|/opt/irm|/opt/irm/(bin|share)|/opt/irm/share/man(/man[157])?|/opt/irm/share/bash-completion(/completions)?')"

# The default PREFIX installs where man-db and bash-completion look.
d2=$TMP/dest2
check "make install with the default PREFIX" \
    make -s -C "$TOP" install DESTDIR="$d2"
check "the default puts the pages in /usr/local/share/man" \
    test -f "$d2/usr/local/share/man/man1/irm-norm.1"
if man --version 2>/dev/null | grep -q '^man [0-9]' &&
    command -v manpath >/dev/null; then
	# man-db always searches /usr/local/share/man, and for another
	# PREFIX the share/man next to a bin directory on PATH.
	check "manpath (man-db) has /usr/local/share/man" sh -c \
	    "env -u MANPATH PATH=/usr/local/bin:/usr/bin:/bin manpath |
	    tr : '\n' | grep -q -x /usr/local/share/man"
	p=$TMP/prefix
	make -s -C "$TOP" install PREFIX="$p" >/dev/null 2>&1
	check_rc "man finds the page of a custom PREFIX with PREFIX/bin on PATH" \
	    0 sh -c "env -u MANPATH PATH='$p/bin:/usr/bin:/bin' man -w irm-norm |
	    grep -q -x '$p/share/man/man1/irm-norm.1'"
else
	ok "manpath has /usr/local/share/man # SKIP no man-db"
	ok "man finds a custom PREFIX's page # SKIP no man-db"
fi
done_testing
