# tests/lib.sh - tiny TAP helpers for the shell tests (mblaze/nq style).
# Source it, then: plan N; check MSG CMD...; check_same MSG GOT WANT;
# check_rc MSG RC CMD...; skip_all REASON.
set -u
LC_ALL=C
TZ=UTC
export LC_ALL TZ
TESTS=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$TESTS")
: "${IRM_SHARED:=$(cd "$TOP/.." && pwd)/shared/data}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
_tap_n=0
_fail=0

plan() { echo "1..$1"; }
skip_all() { echo "1..0 # SKIP $*"; exit 0; }
ok() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $1"; }
not_ok() { _tap_n=$((_tap_n + 1)); _fail=$((_fail + 1)); echo "not ok $_tap_n - $1"; }

# check MSG CMD...: passes when CMD exits 0.
check() {
	_msg=$1; shift
	if "$@" >"$TMP/.out" 2>&1; then ok "$_msg"; else
		not_ok "$_msg"; sed 's/^/# /' "$TMP/.out"; fi
}

# check_rc MSG RC CMD...: passes when CMD exits with RC.
check_rc() {
	_msg=$1; _want=$2; shift 2
	"$@" >"$TMP/.out" 2>&1; _rc=$?
	if [ "$_rc" = "$_want" ]; then ok "$_msg"; else
		not_ok "$_msg"; echo "# exit $_rc, want $_want"
		sed 's/^/# /' "$TMP/.out"; fi
}

# check_same MSG GOTFILE WANTFILE: passes when the files are identical;
# prints a diff, or an od -c dump when only bytes differ.
check_same() {
	if cmp -s "$2" "$3"; then ok "$1"; return; fi
	not_ok "$1"
	diff -u "$3" "$2" | head -40 | sed 's/^/# /'
	if diff -q "$3" "$2" >/dev/null 2>&1; then
		od -c "$2" | head -10 | sed 's/^/# got  /'
		od -c "$3" | head -10 | sed 's/^/# want /'
	fi
}

# on_tty CMD: run CMD under script(1), with a terminal as its standard
# input, output and error; the terminal's output in $TMP/tty (without
# script's own lines).  Returns CMD's exit status.
on_tty() {
	script -qec "$1" "$TMP/ts" >/dev/null 2>&1
	_rc=$?
	grep -v '^Script \(started\|done\)' "$TMP/ts" >"$TMP/tty"
	return $_rc
}

# have_shared DIR: is the shared sample data present?
have_shared() { [ -d "$IRM_SHARED/$1" ]; }

done_testing() { [ "$_fail" = 0 ]; exit $?; }
