irm-norm hr-tz.csv
irm-norm -t America/New_York hr-tz.csv
