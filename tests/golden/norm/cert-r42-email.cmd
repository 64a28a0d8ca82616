irm-norm cert-r42-email.csv
