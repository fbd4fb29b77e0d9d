seed 0
d = spurious n=50
a = apply (scale x3 by=2) d
print (sum (a.x3 == 2 * d.x3)) (sum (a.x1 == d.x1)) (sum (a.y == d.y))  # expect: 50 50 50
print (scale x3 by=2)  # expect: scale x3 by=2
