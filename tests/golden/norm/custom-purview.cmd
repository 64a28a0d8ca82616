irm-norm custom-purview.csv
