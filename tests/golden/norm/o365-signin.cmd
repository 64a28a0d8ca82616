irm-norm o365-signin.jsonl
