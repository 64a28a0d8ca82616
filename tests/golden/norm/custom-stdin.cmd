irm-norm <custom-map.csv -f custom-csv -m user=Mail -m time=When -m indicator=Rule -m id=Ref
