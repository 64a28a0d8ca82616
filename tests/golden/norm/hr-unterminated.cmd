irm-norm -r "$T/rej" hr-unterminated.csv
rc=$?
sed 's/^/reject: /' "$T/rej"
exit $rc
