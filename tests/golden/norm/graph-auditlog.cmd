irm-norm graph-auditlog.jsonl
