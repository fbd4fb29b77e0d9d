seed 0
m = linear 3 1
m.weight = [[1, 2, 0.5]]
m.bias = [2]
print (compare m truth=[1, 2, 0] bias=3)

# expect: param  truth  learned  difference
# expect: ─────  ─────  ───────  ──────────
# expect: x1         1        1           0
# expect: x2         2        2           0
# expect: x3         0   0.5000      0.5000
# expect: bias       3        2          -1
