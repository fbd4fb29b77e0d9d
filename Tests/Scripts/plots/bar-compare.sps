seed 0
t = compare (linear 3 1) truth=[1, 2, 0] bias=3
p = plot bar t x=param y=[truth, learned]
print p.kind p.series p.title  # expect: bar ["truth", "learned"] t
