irm-norm hr-quoted.csv
