seed 0
d = spurious n=20
a = apply (noise x3 std=30 p=0) d
print (sum (a.x3 == d.x3))  # expect: 20
