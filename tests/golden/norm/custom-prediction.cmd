irm-norm custom-prediction.csv
echo "exit $?"
irm-norm -m indicator=ModelName custom-prediction.csv
