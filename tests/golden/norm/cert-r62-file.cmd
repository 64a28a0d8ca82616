irm-norm cert-r62-file.csv
