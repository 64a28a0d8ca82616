irm-norm -f badge-json badge-nostatus.jsonl
