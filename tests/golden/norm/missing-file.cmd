# A file that does not exist and a directory are reported; the others
# are still read.
irm-norm nonexistent.jsonl . o365-basic.jsonl >"$T/out"
rc=$?
wc -l <"$T/out"
exit $rc
