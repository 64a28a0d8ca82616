# Newer 8-column export with --tz: zone-less CreationDate is local time;
# CreationTime inside AuditData stays UTC.  Bad rows: AuditData not JSON,
# too many fields, empty AuditData, an unterminated quote (the next row is
# read again and kept).
irm-norm --tz America/New_York --reject "$T/rej" purview-new.csv
rc=$?
echo "--- rejects"
cat "$T/rej"
exit $rc
