irm-norm custom-crlf.csv custom-tz.csv
