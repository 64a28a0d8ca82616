#!/bin/sh
# tests/run.sh TREE... - run the TAP tests once per build tree (the plain
# build and the sanitizer build), with that tree's binaries first in PATH,
# and print one combined line "N passed, N failed".  The trees run at the
# same time (one per core on the 2-core machines make check is sized for);
# their results are printed in the order given.  In each tree the tests
# of SIDE_TESTS run beside the others rather than between them: most of
# them wait (on an emulator's delays, timers, sleeps before a kill: a
# fifth of their time on the CPU), and 0081, 0090 and 0091 (the plain
# tree only) even out the lanes' runs.
# A TREE written valgrind:DIR runs the golden tests ($VALGRIND_TESTS)
# with DIR's binaries under valgrind: any error or definite leak fails
# the run.
top=$(cd "$(dirname "$0")/.." && pwd)
passed=0
failed=0
status=0
logs=$(mktemp -d)
wraps=
trap 'rm -rf "$logs" $wraps' EXIT
: "${IRM_SHARED:=$(cd "$top/.." && pwd)/shared/data}"
export IRM_SHARED
VALGRIND_TESTS=${VALGRIND_TESTS:-"0010 0030 0050 0051 0055 0056 0057"}
# A smaller quarantine and shorter allocation stacks than ASan's defaults:
# the sanitizer tree ran 10% faster, and a use after free is still caught
# while the block is among the last 16 MB freed.
ASAN_RUN=detect_leaks=1:abort_on_error=1:malloc_context_size=5:quarantine_size_mb=16
SIDE_TESTS=${SIDE_TESTS:-"0008 0060 0062 0063 0064 0067 0074 0081 0082 0090 0091 0099"}

# beside FILE...: those of the test files that SIDE_TESTS names.
beside() {
	for f in "$@"; do
		for w in $SIDE_TESTS; do
			case ${f##*/} in "$w"-*) echo "$f" ;; esac
		done
	done
}

# wrap DIR: a directory of scripts that run DIR/cmd/irm-* under valgrind.
wrap() {
	w=$(mktemp -d)
	for b in "$1"/cmd/irm-*; do
		case $b in *.c | *.o) continue ;; esac
		{
			echo '#!/bin/sh'
			echo "exec valgrind -q --error-exitcode=99 --leak-check=full" \
			    "--errors-for-leak-kinds=definite,indirect" \
			    "--show-leak-kinds=definite,indirect \"$b\" \"\$@\""
		} >"$w/${b##*/}"
		chmod +x "$w/${b##*/}"
	done
	echo "$w"
}

n=0
for tree in "$@"; do
	n=$((n + 1))
	echo "$tree" >"$logs/$n.name"
	tests=$(ls "$top"/tests/*.t)
	bin=$tree/cmd
	case $tree in
	valgrind:*)
		tree=${tree#valgrind:}
		bin=$(wrap "$tree")
		wraps="$wraps $bin"
		tests=$(for t in $VALGRIND_TESTS; do ls "$top"/tests/$t-*.t; done)
		;;
	esac
	unit=$(ls "$tree"/tests/unit/test_* 2>/dev/null | grep -v '\.c$')
	# shellcheck disable=SC2086
	side=$(beside $tests)
	rest=$(for f in $tests; do echo "$side" | grep -qxF "$f" || echo "$f"; done)
	for part in rest side; do
		eval "list=\$$part"
		[ -n "$list" ] || continue
		(
			rc=0
			# shellcheck disable=SC2086
			PATH="$bin:$PATH" \
			    ASAN_OPTIONS=$ASAN_RUN \
			    UBSAN_OPTIONS=print_stacktrace=1 IRM_TREE="$tree" \
			    prove -v -e sh $list >"$logs/$n.$part.log" 2>&1 ||
			    rc=1
			if [ "$part" = rest ] && [ -n "$unit" ]; then
				prove -v $unit >>"$logs/$n.$part.log" 2>&1 || rc=1
			fi
			echo "$rc" >"$logs/$n.$part.rc"
		) &
	done
done
wait
i=0
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
	log=$logs/$i.log
	cat "$logs/$i.rest.log" "$logs/$i.side.log" >"$log" 2>/dev/null
	echo "== tests with $(cat "$logs/$i.name")" >&2
	for part in rest side; do
		[ -f "$logs/$i.$part.log" ] || continue
		[ "$(cat "$logs/$i.$part.rc" 2>/dev/null)" = 0 ] || status=1
	done
	grep -E '^(not ok|ok|All tests|Result|Failed|.*\.t \.\.)' "$log" |
	    grep -vE '^ok ' >&2
	p=$(grep -c '^ok ' "$log")
	f=$(grep '^not ok ' "$log" | grep -vc '# TODO')
	# A script that died or missed its plan counts as one failure.
	b=$(grep -cE 'Wstat|Bad plan|No plan found|Parse errors' "$log")
	passed=$((passed + p))
	failed=$((failed + f + b))
done
echo "$passed passed, $failed failed"
[ "$status" = 0 ] && [ "$failed" = 0 ]
