irm-norm graph-unknown.jsonl
