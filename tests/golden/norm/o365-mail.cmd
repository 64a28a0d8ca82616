irm-norm o365-mail.jsonl
