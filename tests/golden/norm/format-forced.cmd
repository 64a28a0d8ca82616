# --format forces the reader: an O365 file read as hr-csv has no usable
# header; an unknown format name is a usage error.
irm-norm --format hr-csv o365-basic.jsonl
echo "rc=$?"
irm-norm --format nonsense o365-basic.jsonl
echo "rc=$?"
irm-norm -f O365 o365-basic.jsonl | wc -l
