irm-norm hr-map-user.csv
echo "exit $?"
irm-norm -m user=Mail hr-map-user.csv
