irm-norm -s profile hr-multi.csv
