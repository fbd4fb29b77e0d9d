seed 0
t = describe (spurious n=100)
print t.columns  # expect: ["column", "count", "mean", "std", "min", "25%", "50%", "75%", "max", "corr_y"]
print t.column  # expect: ["x1", "x2", "x3", "y"]
print t.count[0] t.corr_y[3]  # expect: 100 1
