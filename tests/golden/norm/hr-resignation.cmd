irm-norm hr-resignation.csv
