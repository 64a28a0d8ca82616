irm-norm -f graph badge-pretty.json
