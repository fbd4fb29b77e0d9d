save (spurious n=3) "/tmp/sps-golden-csv-noenv.csv"
csv "/tmp/sps-golden-csv-noenv.csv" env=envs  # expect error: csv: '/tmp/sps-golden-csv-noenv.csv' has no column named 'envs' for env=; the columns are x1, x2, x3, y
