# The sketch's scm and the case-study generator give the same correlation of x3 with y (about 0.971).
seed 0
d = scm n=2000 target=y { x1 = normal 0 1; x2 = normal 0 1; y = x1 + 2*x2 + 3 + normal 0 1; x3 = y / 0.2 + normal 0 3 }
s = spurious n=2000 factor=0.2
a = (corr d).y[2]
b = (corr s).y[2]
print ((abs (a - b)) < 0.02) ((abs (a - 0.971)) < 0.02)  # expect: true true
