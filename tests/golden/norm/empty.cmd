# An empty file and a blank-only file: no output, exit 0.
: >"$T/empty"
printf '\n  \n' >"$T/blank"
irm-norm "$T/empty" "$T/blank" </dev/null
