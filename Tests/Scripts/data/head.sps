seed 0
d = spurious n=10
print (head d).n (head d 3).n (head d 0).n (head d 50).n  # expect: 5 3 0 10
print (head d 2).features (head d 2).target  # expect: ["x1", "x2", "x3"] y
