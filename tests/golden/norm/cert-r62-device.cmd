irm-norm cert-r62-device.csv
