seed 0
both = concat (spurious n=3) (spurious n=2 factor=0.1)
save both "/tmp/sps-golden-csv-env.csv"
e = csv "/tmp/sps-golden-csv-env.csv" target=y env=env
print e.features e.env[0] e.env[4]  # expect: ["x1", "x2", "x3"] 0 1
f = csv "/tmp/sps-golden-csv-env.csv" target=y
print f.features (type f.env)  # expect: ["x1", "x2", "x3", "env"] nil
