seed 0
d = spurious n=50
s = shuffle d
print s.n  # expect: 50
print (sum ((tensor (sort s.y)) == (tensor (sort d.y))))  # expect: 50
print ((sum (s.y == d.y)) < 50)  # expect: true
