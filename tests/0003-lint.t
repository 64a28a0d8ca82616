#!/bin/sh
# The style checks of `make lint` as tests: the code is formatted with the
# repo's .clang-format, cppcheck finds nothing, and no banned function is
# called (sprintf, strcpy, strcat, strtok, atoi, gets).
. "$(dirname "$0")/lib.sh"
plan 3
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
done_testing
