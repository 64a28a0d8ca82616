irm-norm o365-basic.jsonl
