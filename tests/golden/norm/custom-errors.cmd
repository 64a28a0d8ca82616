irm-norm -r "$T/rej" custom-errors.csv
rc=$?
sed 's/^/reject: /' "$T/rej"
exit $rc
