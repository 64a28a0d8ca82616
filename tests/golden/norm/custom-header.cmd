irm-norm custom-nouser.csv custom-notime.csv custom-noindicator.csv
