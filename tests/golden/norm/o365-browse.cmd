irm-norm o365-browse.jsonl
