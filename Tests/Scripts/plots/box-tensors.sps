seed 0
p = plot box [randn 20, randn 30] names=[a, b]
print p.series  # expect: ["a", "b"]
print (plot box [randn 5, randn 5, randn 5]).series  # expect: ["1", "2", "3"]
print (plot box (randn 5)).series  # expect: ["value"]
