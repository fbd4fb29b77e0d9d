save (concat (spurious n=3) (spurious n=2)) "/tmp/sps-golden-csv-env-last.csv"
e = csv "/tmp/sps-golden-csv-env-last.csv" target=x1 env=env
print e.features e.target e.n  # expect: ["x2", "x3", "y"] x1 5
