irm-norm graph-alerts.json
