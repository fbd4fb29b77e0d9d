seed 0
d = spurious n=200
all = apply (dropout x3 rate=1) d
none = apply (dropout x3 rate=0) d
half = apply (dropout x3 rate=0.5) d
print (sum (all.x3 == 0)) (sum (none.x3 == d.x3))  # expect: 200 200
z = sum (half.x3 == 0)
print (z > 60) (z < 140) (sum (half.x1 == d.x1))  # expect: true true 200
