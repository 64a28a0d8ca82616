irm-norm -f custom-csv -m user=Mail -m time=When -m indicator=Rule \
    -m value=Points -m severity=Level -m id=Ref custom-map.csv
