# Each bad record: one message with file and line, the raw line in the
# reject file, the good records (lines 1 and 10) still written, exit 1.
irm-norm --reject "$T/rej" o365-bad.jsonl
rc=$?
echo "--- rejects"
cat "$T/rej"
exit $rc
