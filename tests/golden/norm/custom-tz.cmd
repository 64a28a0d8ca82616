irm-norm custom-tz.csv
irm-norm -t Asia/Kolkata custom-tz.csv
