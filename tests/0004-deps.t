#!/bin/sh
# .ci/deps, the package installer of make check, with made-up entries and
# an apt-get that only logs: as root it installs the missing packages,
# the optional ones (after --optional) too; as another user a missing
# optional package is only named, a missing required one stops it with
# exit 2, and apt-get never runs.  Once with an id(1) that says the user,
# once as a real user (nobody through setpriv or su when run as root).
# An npm entry (name@version:npm:dir) is installed with npm into dir as
# any user, only when dir holds no package.json of that version.
. "$(dirname "$0")/lib.sh"
plan 19
DEPS=$TOP/.ci/deps
have=present-pkg:bin:sh
lack=lacking-pkg:bin:irm-no-such-command
lackf=lacking-file:f:/nonexistent/irm-no-such-file
mkdir "$TMP/bin"
printf '#!/bin/sh\necho "$FAKE_UID"\n' >"$TMP/bin/id"
printf '#!/bin/sh\necho "apt-get $*" >>"%s"\n' "$TMP/apt.log" >"$TMP/bin/apt-get"
printf '#!/bin/sh\necho "npm $*" >>"%s"\n[ -z "$NPM_FAIL" ]\n' "$TMP/npm.log" >"$TMP/bin/npm"
chmod +x "$TMP/bin/id" "$TMP/bin/apt-get" "$TMP/bin/npm"

# deps UID ENTRY...: .ci/deps as user UID (as id -u says), stderr in
# $TMP/err, apt-get's calls in $TMP/apt.log.
deps() {
	_uid=$1; shift
	: >"$TMP/apt.log"
	: >"$TMP/npm.log"
	PATH="$TMP/bin:$PATH" FAKE_UID=$_uid sh "$DEPS" "$@" 2>"$TMP/err"
}

check_rc "all present: exit 0" 0 deps 1000 "$have" --optional "$have"
check "all present: nothing said, apt-get not run" \
    test ! -s "$TMP/err" -a ! -s "$TMP/apt.log"
check_rc "user, an optional package missing: exit 0" 0 \
    deps 1000 "$have" --optional "$lack" "$have"
check "user: the optional package is named, apt-get not run" sh -c \
    "grep -q 'not installed: lacking-pkg (their tests skip)' '$TMP/err' && test ! -s '$TMP/apt.log'"
check_rc "user, a required package missing: exit 2" 2 \
    deps 1000 "$lack" --optional "$lackf"
check "user: both named, the required one as missing, apt-get not run" sh -c \
    "grep -q 'missing packages: lacking-pkg (run as root' '$TMP/err' &&
    grep -q 'not installed: lacking-file' '$TMP/err' && test ! -s '$TMP/apt.log'"
check_rc "root: exit 0" 0 deps 0 "$have" "$lack" --optional "$lackf" "$have"
check "root: installs the required and the optional package" \
    grep -qx 'apt-get install -y -q --no-install-recommends lacking-pkg lacking-file' "$TMP/apt.log"
check_rc "a bad entry: exit 2" 2 deps 0 "x:nokind:y"

# npm entries, into $TMP/np.
npmpkg=@scope/pkg@1.2.3:npm:$TMP/np
check_rc "user, an npm package missing: exit 0" 0 deps 1000 "$have" \
    --optional "$npmpkg"
check "user: npm installs it into its directory, apt-get not run" sh -c \
    "grep -qx 'npm install --prefix $TMP/np --no-save --no-package-lock --fetch-retries=1 --fetch-timeout=60000 --no-audit --no-fund --loglevel=error @scope/pkg@1.2.3' '$TMP/npm.log' && test ! -s '$TMP/apt.log'"
mkdir -p "$TMP/np/node_modules/@scope/pkg"
echo '{"name": "@scope/pkg", "version": "1.2.2"}' >"$TMP/np/node_modules/@scope/pkg/package.json"
deps 1000 "$npmpkg"
check "another version there: npm installs it" test -s "$TMP/npm.log"
echo '{"name": "@scope/pkg", "version": "1.2.3"}' >"$TMP/np/node_modules/@scope/pkg/package.json"
deps 1000 "$npmpkg"
check "that version there: npm not run, nothing said" \
    test ! -s "$TMP/npm.log" -a ! -s "$TMP/err"
rm -r "$TMP/np"
export NPM_FAIL=1
check_rc "user, npm fails on a required npm package: exit 2" 2 \
    deps 1000 "$npmpkg"
check "user: it is named as missing" \
    grep -q 'missing packages: @scope/pkg@1.2.3' "$TMP/err"
unset NPM_FAIL

# The same as a real user other than root (nobody, when the test runs as
# root); stderr in $TMP/err.
how=
if [ "$(id -u)" != 0 ]; then
	how=sh
elif setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	how=setpriv
elif su nobody -s /bin/sh -c true </dev/null >/dev/null 2>&1; then
	how=su
fi
asuser() {
	(
		cd / || exit 1
		case $how in
		sh) sh -s -- "$@" ;;
		setpriv) setpriv --reuid=65534 --regid=65534 --clear-groups \
		    sh -s -- "$@" ;;
		su) su nobody -s /bin/sh -c "sh -s -- $*" ;;
		esac
	) <"$DEPS" 2>"$TMP/err"
}
if [ -z "$how" ]; then
	for t in 1 2 3 4; do ok "as nobody # SKIP neither setpriv nor su works"; done
	done_testing
fi
check_rc "as a user ($how), an optional package missing: exit 0" 0 \
    asuser "$have" --optional "$lack"
check "as a user: the optional package is named" \
    grep -q 'not installed: lacking-pkg' "$TMP/err"
check_rc "as a user ($how), a required package missing: exit 2" 2 \
    asuser "$lack" --optional "$have"
check "as a user: the required package is named" \
    grep -q 'missing packages: lacking-pkg' "$TMP/err"
done_testing
