irm-norm hr-multi.csv
