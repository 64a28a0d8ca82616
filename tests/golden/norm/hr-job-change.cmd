irm-norm hr-job-change.csv
