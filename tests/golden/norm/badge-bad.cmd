irm-norm -r "$T/rej" badge-bad.jsonl
rc=$?
sed 's/^/reject: /' "$T/rej"
exit $rc
