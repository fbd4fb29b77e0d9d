seed 0
d = spurious n=20
save d "/tmp/sps-golden-csv-roundtrip.csv"
e = csv "/tmp/sps-golden-csv-roundtrip.csv" target=y
print e.n e.features e.target  # expect: 20 ["x1", "x2", "x3"] y
print (sum (e.x3 == d.x3)) (sum (e.y == d.y))  # expect: 20 20
