d = spurious n=10
s = select d [x3, x1]
print s.features s.target s.n  # expect: ["x3", "x1"] y 10
print (sum (s.x3 == d.x3))  # expect: 10
