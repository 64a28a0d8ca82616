irm-norm hr-bom-crlf.csv
