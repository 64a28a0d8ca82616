irm-norm -f cert cert-badheader.csv
