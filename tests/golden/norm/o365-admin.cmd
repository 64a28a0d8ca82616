irm-norm o365-admin.jsonl
