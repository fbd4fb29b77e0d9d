seed 0
d = spurious n=100
a = apply (permute x3) d
print (sum ((tensor (sort a.x3)) == (tensor (sort d.x3))))  # expect: 100
print ((sum (a.x3 == d.x3)) < 50) (sum (a.y == d.y)) (sum (a.x2 == d.x2))  # expect: true 100 100
print ((abs (corr (apply (permute x3) d)).y[2]) < 0.3)  # expect: true
