seed 2
d = spurious n=40
a = apply (noise x3 std=5) d
seed 2
d = spurious n=40
b = apply (noise x3 std=5) d
print (sum (a.x3 == b.x3))  # expect: 40
