#!/bin/sh
# make install honours PREFIX and DESTDIR, installs every binary with mode
# 0755 and every man page with mode 0644; make uninstall removes them.
. "$(dirname "$0")/lib.sh"
plan 5
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
check "nothing installed outside DESTDIR/PREFIX" \
    test -z "$(find "$d" -mindepth 1 -maxdepth 1 ! -name opt)"
make -s -C "$TOP" uninstall DESTDIR="$d" PREFIX=/opt/irm >/dev/null 2>&1
check "make uninstall removes the files" \
    test -z "$(find "$d" -type f)"
done_testing
