irm-norm hr-ambiguous.csv hr-nodate.csv hr-resignation.csv
echo "exit $?"
irm-norm -s job-change hr-ambiguous.csv
irm-norm -s review hr-nodate.csv
