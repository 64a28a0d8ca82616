# One summary at the end, on stderr: records per format and activity,
# how many became other and which operations they were.
irm-norm --summary o365-basic.jsonl o365-sharing.jsonl o365-bad.jsonl
