seed 0
d = spurious n=100
h = plot hist d x3 bins=10
print h.kind h.series  # expect: hist ["x3"]
print (plot hist d x=x1).series  # expect: ["x1"]
print (plot hist (randn 50)).series  # expect: ["value"]
