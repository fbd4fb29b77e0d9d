# cholesky: lower l with l @ l.T = a
l = cholesky (tensor [[4, 2], [2, 3]])
print l[0, 0] l[0, 1] l[1, 0]  # expect: 2 0 1
print ((abs (l[1, 1] - (sqrt 2))) < 1e-6)  # expect: true
seed 5
m = randn 6 6
s = m @ m.T + (eye 6)
c = cholesky s
print ((norm (c @ c.T - s)) < 1e-4)  # expect: true
print c[0, 5] c[2, 3]  # expect: 0 0
