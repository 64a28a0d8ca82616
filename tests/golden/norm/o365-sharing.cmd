irm-norm o365-sharing.jsonl
