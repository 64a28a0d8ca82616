#!/bin/sh
# The outputs kept beside the examples are what the examples print now:
# examples/demo.sh (make demo) against examples/demo.out, and
# examples/normalize.sh against examples/normalize.out.  Nothing else
# compared them, so a change of scoring or of a report could leave what
# the README says `make demo` shows quietly out of date.  The demo's HTML
# report goes to the test's directory, and its name in the output is put
# back as the demo's default.
. "$(dirname "$0")/lib.sh"
plan 4
IRM_DEMO_HTML=$TMP/irm-report.html sh "$TOP/examples/demo.sh" \
    >"$TMP/demo.raw" 2>"$TMP/demo.err"
echo $? >"$TMP/rc"
echo 0 >"$TMP/zero"
check_same "demo.sh: exit 0" "$TMP/rc" "$TMP/zero"
sed "s|$TMP/irm-report.html|irm-report.html|" "$TMP/demo.raw" >"$TMP/demo"
check_same "demo.sh prints examples/demo.out" "$TMP/demo" \
    "$TOP/examples/demo.out"
sh "$TOP/examples/normalize.sh" >"$TMP/norm" 2>"$TMP/norm.err"
echo $? >"$TMP/rc"
check_same "normalize.sh: exit 0" "$TMP/rc" "$TMP/zero"
check_same "normalize.sh prints examples/normalize.out" "$TMP/norm" \
    "$TOP/examples/normalize.out"
