irm-norm --format graph graph-unknown.jsonl
