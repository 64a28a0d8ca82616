irm-norm hr-toomany.csv
