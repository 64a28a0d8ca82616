irm-norm hr-pip.csv
