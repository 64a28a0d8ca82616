irm-norm badge-nostatus.jsonl
