seed 0
d = spurious n=40
s = (sum d.x3)
a = apply (scale x3 by=10) d
print ((sum d.x3) == s)  # expect: true
