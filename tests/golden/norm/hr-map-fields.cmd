irm-norm -f hr-csv -m user=Mail -m scenario=Type -m effective_date=Changed \
    -m old_level=From -m new_level=To -m remarks=Notes -m rating=Score \
    -m resignation_date=Left -m 'last_working_date=Last day' hr-map-fields.csv
irm-norm -f hr-csv -m user=Mail -m effective_date=Changed -m remarks=Notes \
    -m rating=Score hr-map-review.csv
