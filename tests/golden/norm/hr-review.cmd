irm-norm hr-review.csv
