irm-norm cert-r62-http.csv
