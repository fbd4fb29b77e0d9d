seed 0
d = spurious n=8
save d "/tmp/sps-golden-csv-other.csv"
e = csv "/tmp/sps-golden-csv-other.csv" target=x1
print e.features e.target (sum (e.x1 == d.x1)) (sum (e.y == d.y))  # expect: ["x2", "x3", "y"] x1 8 8
