irm-norm badge-array.json
