save (spurious n=3) "/tmp/sps-golden-csv-target.csv"
csv "/tmp/sps-golden-csv-target.csv" target=yy  # expect error: csv: '/tmp/sps-golden-csv-target.csv' has no column named 'yy' for the target; the columns are x1, x2, x3, y; did you mean 'y'?
