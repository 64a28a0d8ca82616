irm-norm o365-rules.jsonl
