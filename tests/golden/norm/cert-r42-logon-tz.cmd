irm-norm -t America/New_York cert-r42-logon.csv
