#!/bin/sh
# Every EXAMPLES block of the man pages runs, offline, against the example
# tenant (examples/tenant, examples/settings.json, examples/policies).
#
# A block is one .Dl line or one .Bd -literal ... .Ed display, mdoc
# escapes undone.  The rules:
# - A block whose first word is not a command (a shell word found on
#   PATH, an assignment, a builtin, or a subshell's parenthesis) is data:
#   records, settings, a template, a crontab line.  It is skipped.
# - A block that runs make (make eval) works on the source tree for
#   minutes: skipped.  So is a block that pipes into column(1) on a
#   machine without it.
# - irm-fetch needs the network and credentials.  Here it is a wrapper
#   that runs the real irm-fetch against a closed local port (no retries):
#   it must fail to connect (exit 3), not on its usage (exit 2), and then
#   it writes nothing, as on a day without content.  A usage error fails
#   the block.
# - irm-gen makes at most 20 users and 14 days, also where the example
#   leaves the defaults (100 users, 40 days, 172 MB): the blocks check
#   that the commands and pipelines run, which size does not change, and
#   the default tenant took 84 s in the sanitizer tree (0070 and 0012
#   run irm-gen's larger tenants); sendmail keeps the mail in a file;
#   tail -F reads its file once.
# - /tmp/ becomes ./tmp/ and /var/lib/irm the fixture's store.
# - Each page's blocks run in order, in one copy of the fixture, each with
#   bash -e -o pipefail.  A block passes when it exits 0, or 4 when it
#   uses --fail-on or --fail-on-new (the gate did its job), and its
#   standard error has no "exit N for" line (the cron examples' own
#   failure report).
# - A block with --fail-on or --fail-on-new also runs on a quiet day, a
#   copy of the fixture whose input files are empty, and must exit 0.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip_all "no jq"
command -v bash >/dev/null || skip_all "no bash"
EX=$TOP/examples
today=$(date +%F)
utoday=$(date -u +%F)

# The wrappers.
W=$TMP/wrap
mkdir -p "$W"
real_fetch=$(command -v irm-fetch) || skip_all "irm-fetch not on PATH"
real_gen=$(command -v irm-gen) || skip_all "irm-gen not on PATH"
cat >"$W/irm-fetch" <<EOF
#!/bin/sh
# irm-fetch with its service at a closed port: usage checked, nothing read.
mode=\${1-}
if [ "\$mode" = url ]; then
	n=\$#
	for a; do
		case \$a in
		https://*) a=http://127.0.0.1:1/\${a#https://*/} ;;
		esac
		set -- "\$@" "\$a"
	done
	shift "\$n"
	set -- "\$@" --max-retries 0
else
	set -- "\$@" --base-url http://127.0.0.1:1 \\
	    --login-url http://127.0.0.1:1 --max-retries 0
fi
"$real_fetch" "\$@" >/dev/null 2>"\${TMPDIR:-/tmp}/fetch.err.\$\$"
rc=\$?
if [ "\$rc" != 3 ]; then
	echo "irm-fetch wrapper: exit \$rc for \$*:" >&2
	cat "\${TMPDIR:-/tmp}/fetch.err.\$\$" >&2
	rm -f "\${TMPDIR:-/tmp}/fetch.err.\$\$"
	exit "\$rc"
fi
rm -f "\${TMPDIR:-/tmp}/fetch.err.\$\$"
exit 0
EOF
cat >"$W/irm-gen" <<EOF
#!/bin/sh
# irm-gen with at most 20 users and 14 days, given or not.
n=\$#
cap=
u=
d=
for a; do
	case \$cap in
	u) [ "\$a" -gt 20 ] && a=20 ;;
	d) [ "\$a" -gt 14 ] && a=14 ;;
	esac
	cap=
	case \$a in
	-u | --users) cap=u u=1 ;;
	-d | --days) cap=d d=1 ;;
	esac
	set -- "\$@" "\$a"
done
shift "\$n"
[ -n "\$u" ] || set -- -u 20 "\$@"
[ -n "\$d" ] || set -- -d 14 "\$@"
exec "$real_gen" "\$@"
EOF
cat >"$W/sendmail" <<'EOF'
#!/bin/sh
cat >>sent.mail
EOF
cat >"$W/tail" <<'EOF'
#!/bin/sh
if [ "${1-}" = -F ]; then shift; exec cat "$@"; fi
exec /usr/bin/tail "$@"
EOF
chmod 755 "$W"/*

# The fixture: the example tenant under every name the examples use.
F=$TMP/fix
mkdir -p "$F/raw" "$F/hr" "$F/events" "$F/rejects" "$F/insights" "$F/tmp"
cp "$EX"/tenant/* "$F/"
cp "$EX/settings.json" "$EX/directory.csv" "$F/"
cp -R "$EX/policies" "$F/policies"
cp "$EX/policies/data_leaks.json" "$F/new-policy.json"
cp "$F/audit-2026-03.jsonl" "$F/audit.jsonl"
cp "$F/audit.jsonl" "$F/raw.jsonl"
cp "$F/audit.jsonl" "$F/today.jsonl"
cp "$F/hr-resignations.csv" "$F/hr.csv"
for d in "$today" "$utoday"; do
	cp "$F/audit.jsonl" "$F/raw/$d.jsonl"
	cp "$F/hr.csv" "$F/hr/$d.csv"
done
cp "$TESTS/data/norm/purview-classic.csv" "$F/export.csv"
printf 'an example key of more than sixteen bytes\n' >"$F/key.txt"
printf 'example secret\n' >"$F/F"
cp "$F/F" "$F/secret"
chmod 600 "$F/F" "$F/secret" "$F/key.txt"
printf 'From: compliance@contoso.com\nSubject: Reminder ({{case}})\n\nDear {{user}},\nour {{policy}} policy ...\n' \
    >"$F/notice.txt"
(
	cd "$F" || exit 3
	irm-norm audit.jsonl hr.csv badge.json | sort >events.jsonl &&
	    cp events.jsonl march.jsonl &&
	    irm-score -s settings.json -p policies/ events.jsonl \
	    >insights.jsonl &&
	    irm-report -S store insights.jsonl >alerts.jsonl &&
	    irm-case -S store verify >head.txt
) || { echo "Bail out! the fixture cannot be built"; exit 1; }
test -s "$F/insights.jsonl" || { echo "Bail out! no insights"; exit 1; }

# The quiet day: the same names, the input files empty.
Q=$TMP/quiet
cp -R "$F" "$Q"
rm -rf "$Q/store"
for f in "$Q"/*.jsonl "$Q"/*.json "$Q"/*.csv "$Q"/raw/* "$Q"/hr/*; do
	case ${f##*/} in
	settings.json | directory.csv | new-policy.json) ;;
	*) : >"$f" ;;
	esac
done

# The blocks, one file each: B/PAGE.NNN.
B=$TMP/blocks
mkdir -p "$B"
for m in "$TOP"/man/*.[0-9]; do
	awk -v out="$B/$(basename "$m")" '
	function unesc(s) {
		gsub(/\\&/, "", s); gsub(/\\\(dq/, "\"", s)
		gsub(/\\\(aq/, "\047", s); gsub(/\\-/, "-", s)
		gsub(/\\e/, "\\", s)
		return s
	}
	function open_block() { n++; f = sprintf("%s.%03d", out, n) }
	/^\.Sh EXAMPLES/ { ex = 1; next }
	/^\.Sh / { ex = 0 }
	!ex { next }
	/^\.Bd -literal/ { lit = 1; open_block(); next }
	/^\.Ed/ { lit = 0; close(f); next }
	lit { print unesc($0) > f; next }
	/^\.Dl / { open_block(); print unesc(substr($0, 5)) > f; close(f) }
	' "$m"
done
n=$(find "$B" -type f | wc -l)
plan "$((n + $(grep -l -e '--fail-on' "$B"/* | wc -l) + 2))"

# SEE ALSO names pages that exist, none of them as planned.
check "no SEE ALSO lists a page as Planned" \
    sh -c "! grep -n '^Planned' '$TOP'/man/*"
bad=
for x in $(sed -n 's/^\.Xr \(irm[-a-z]*\) \([0-9]\).*/\1.\2/p' "$TOP"/man/* |
    sort -u); do
	[ -f "$TOP/man/$x" ] || bad="$bad $x"
done
check "every .Xr irm page exists in man/${bad:+ (missing:$bad)}" test -z "$bad"

# kind FILE: run, data or make.
kind() {
	w=$(sed -n '/[^[:space:]]/{s/^[[:space:]]*//;s/[[:space:]].*//;p;q;}' "$1")
	case $w in
	make) echo make; return ;;
	'('*) echo run; return ;;
	[A-Za-z_]*=*) echo run; return ;;
	[A-Za-z_]*) ;;
	*) echo data; return ;;
	esac
	if PATH=$W:$PATH command -v "$w" >/dev/null 2>&1; then echo run
	else echo data; fi
}

# runblock DIR FILE: run the block in DIR; leaves $TMP/out, exit status.
runblock() {
	sed -e 's|/tmp/|./tmp/|g' -e "s|/var/lib/irm|store|g" "$2" \
	    >"$TMP/block.sh"
	(cd "$1" && PATH=$W:$PATH TMPDIR=$TMP timeout 120 \
	    bash -e -o pipefail "$TMP/block.sh") >"$TMP/out" 2>&1
}

page=
for b in $(find "$B" -type f | sort); do
	p=${b##*/}; p=${p%.*}
	name="$p example ${b##*.}: $(sed -n '/[^[:space:]]/{p;q;}' "$b" |
	    cut -c 1-60 | tr -d '\\#')"
	if [ "$p" != "$page" ]; then
		page=$p
		rm -rf "$TMP/run"
		cp -R "$F" "$TMP/run"
	fi
	gate=
	grep -q -e '--fail-on' "$b" && gate=1
	k=$(kind "$b")
	if [ "$k" = run ] && grep -q '| *column ' "$b" &&
	    ! command -v column >/dev/null; then
		k=column
	fi
	if [ "$k" != run ]; then
		reason="data, not a command"
		[ "$k" = make ] && reason="make works on the source tree"
		[ "$k" = column ] && reason="no column(1) here"
		ok "$name # SKIP $reason"
		[ -n "$gate" ] && ok "$name, a quiet day # SKIP $reason"
		continue
	fi
	runblock "$TMP/run" "$b"
	rc=$?
	if { [ "$rc" = 0 ] || { [ "$rc" = 4 ] && [ -n "$gate" ]; }; } &&
	    ! grep -q 'exit [0-9]* for' "$TMP/out"; then
		ok "$name"
	else
		not_ok "$name"
		echo "# exit $rc"
		sed 's/^/#   /' "$b"
		head -20 "$TMP/out" | sed 's/^/# /'
	fi
	[ -n "$gate" ] || continue
	rm -rf "$TMP/q"
	cp -R "$Q" "$TMP/q"
	runblock "$TMP/q" "$b"
	rc=$?
	if [ "$rc" = 0 ] && ! grep -q 'exit [0-9]* for' "$TMP/out"; then
		ok "$name, a quiet day"
	else
		not_ok "$name, a quiet day"
		echo "# exit $rc, want 0"
		head -20 "$TMP/out" | sed 's/^/# /'
	fi
done
done_testing
