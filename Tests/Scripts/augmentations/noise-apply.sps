seed 0
d = spurious n=100
a = apply (noise x3 std=30) d
print a.n (sum (a.x1 == d.x1)) (sum (a.x2 == d.x2)) (sum (a.y == d.y))  # expect: 100 100 100 100
print ((sum (a.x3 == d.x3)) < 5) ((std (a.x3 - d.x3)) > 20)  # expect: true true
