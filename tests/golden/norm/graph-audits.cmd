irm-norm graph-audits.json
