irm-norm badge-pretty.json
