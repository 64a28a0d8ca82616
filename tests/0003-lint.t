#!/bin/sh
# The style checks of `make lint` as tests: the code is formatted with the
# repo's .clang-format, cppcheck finds nothing, no banned function is
# called (sprintf, strcpy, strcat, strtok, atoi, gets), and lib/ neither
# exits nor prints (only lib/irm_err.c, the messages and the allocators
# that die when memory runs out, may; the pattern is LIB_QUIET in the
# Makefile).
. "$(dirname "$0")/lib.sh"
# The sources, not a tree's binaries: the plain tree's run of this test
# checks the very same files ($TOP), so the sanitizer tree's does not.
case ${IRM_TREE:-} in */build/asan) skip_all "sanitizer tree: the plain tree's run lints the same sources" ;; esac
plan 4
cd "$TOP" || exit 1
src=$(ls cmd/*.c lib/*.c lib/*.h tests/unit/*.c tests/unit/*.h | tr '\n' ' ')
if command -v clang-format >/dev/null; then
	check "clang-format --dry-run -Werror" clang-format --dry-run -Werror $src
else
	ok "# SKIP clang-format missing"
fi
if command -v cppcheck >/dev/null; then
	check "cppcheck --enable=warning,portability" cppcheck -q \
	    --enable=warning,portability --error-exitcode=1 --inline-suppr \
	    -Ilib cmd lib
else
	ok "# SKIP cppcheck missing"
fi
check "no banned functions" sh -c \
    "! grep -nE '\\b(sprintf|strcpy|strcat|strtok|atoi|gets)\\(' $src"
quiet='\b(irm_errx?|irm_warnx?(_at)?|v?errx?|v?warnx?|exit|_exit|abort|v?printf|puts|putchar|perror)\(|\bstd(out|err)\b'
lib=$(ls lib/*.c | grep -v '^lib/irm_err\.c$' | tr '\n' ' ')
check "lib/ never exits or prints (irm_err.c aside)" sh -c \
    "! grep -nE '$quiet' $lib"
done_testing
