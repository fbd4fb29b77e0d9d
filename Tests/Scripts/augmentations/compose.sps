seed 0
d = spurious n=30
c = compose (scale x3 by=2) (scale x3 by=3) (scale x1 by=-1)
a = apply c d
print (sum (a.x3 == 6 * d.x3)) (sum (a.x1 == -d.x1))  # expect: 30 30
print c  # expect: compose (scale x3 by=2) (scale x3 by=3) (scale x1 by=-1)
