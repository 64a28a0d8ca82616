irm-norm -f cert cert-psychometric.csv cert-ldap.csv
