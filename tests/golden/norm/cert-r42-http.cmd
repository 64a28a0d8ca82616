irm-norm cert-r42-http.csv
