irm-norm -r "$T/rej" hr-errors.csv
rc=$?
sed 's/^/reject: /' "$T/rej"
exit $rc
