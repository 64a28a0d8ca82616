irm-norm <cert-r42-device.csv
