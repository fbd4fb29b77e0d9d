seed 0
d = spurious n=200
z = standardize d
print (round (mean z.x3) digits=3) (round (mean z.x1) digits=3)  # expect: 0 0
print (round (std z.x3) digits=2)  # expect: 1
print (sum (z.y == d.y))  # expect: 200
