save (spurious n=5) "/tmp/sps-golden-csv-default.csv"
e = csv "/tmp/sps-golden-csv-default.csv"
print e.target e.features  # expect: y ["x1", "x2", "x3"]
