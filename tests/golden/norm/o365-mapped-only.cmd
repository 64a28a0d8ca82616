# --mapped-only leaves the source's other facts (o365.audit) out.
irm-norm --mapped-only o365-basic.jsonl
