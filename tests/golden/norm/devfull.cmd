# A write error on stdout is fatal: exit 3 with a message.
irm-norm o365-basic.jsonl >/dev/full
