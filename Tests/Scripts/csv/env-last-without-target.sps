save (concat (spurious n=3) (spurious n=2)) "/tmp/sps-golden-csv-env-last2.csv"
csv "/tmp/sps-golden-csv-env-last2.csv" env=env  # expect error: csv: the env column 'env' is the last column, which is the default target; name the target with target=
