irm-norm cert-r42-logon.csv
