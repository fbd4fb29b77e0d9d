seed 0
d = spurious n=200
a = apply (scale x1 by=(uniform 0.5 1.5)) d
r = a.x1 / d.x1
print ((min r) >= 0.49) ((max r) <= 1.51) ((std r) > 0.1)  # expect: true true true
