irm-norm cert-r42-file.csv
