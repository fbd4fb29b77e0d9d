seed 0
d = spurious n=10
a = apply (compose [scale x2 by=0, scale x1 by=0]) d
print (sum a.x2) (sum a.x1)  # expect: 0 0
