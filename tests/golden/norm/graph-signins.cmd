irm-norm graph-signins.jsonl
