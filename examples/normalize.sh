#!/bin/sh
# normalize.sh - irm-norm on the example tenant.  Events come out one per
# line, @timestamp first, so sort(1) orders them by time.  Shown: the first
# three of the month, then the departing user's story: her resignation
# (HR file), her activity from 16 to 19 March without logons (downloads
# from the Sales site, USB copies, a rename, uploads to Dropbox, deletions)
# and the badge readers that refused her.
set -u
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 3
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM

irm-norm examples/tenant/* >"$tmp/events" || exit
sort "$tmp/events" >"$tmp/sorted"
sed -n 1,3p "$tmp/sorted"
echo ...
grep '"user":{"name":"adele.vance@contoso.com"[,}]' "$tmp/sorted" | awk '
	{ day = substr($0, 16, 10) }
	/"activity":"hr_resignation"/ || /"outcome":"failure"/ { print; next }
	day >= "2026-03-16" && day <= "2026-03-19" && !/"activity":"logon"/
'
