irm-norm --hr-scenario 'Performance improvement plan' hr-review.csv
