irm-norm hr-profile.csv
