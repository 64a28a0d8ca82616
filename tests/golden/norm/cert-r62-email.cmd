irm-norm cert-r62-email.csv
