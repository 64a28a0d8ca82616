irm-norm -s review hr-pip.csv
