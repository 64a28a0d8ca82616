irm-norm custom-basic.csv
