seed 0
c = corr (spurious n=500)
print c.columns  # expect: ["column", "x1", "x2", "x3", "y"]
print c.x1[0] c.y[3]  # expect: 1 1
print (c.y[2] > 0.9) (c.x3[3] == c.y[2])  # expect: true true
