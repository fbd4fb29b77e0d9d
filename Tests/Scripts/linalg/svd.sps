# svd: u @ diag(s) @ vt, reduced unless full=true; the largest entry of each column of u is positive
d = svd (tensor [[3, 0], [0, -2]])
print d  # expect: {u: tensor [[1, 0], [0, 1]], s: tensor [3, 2], vt: tensor [[1, 0], [0, -1]]}
seed 4
a = randn 6 3
t = svd a
print t.u.shape t.s.shape t.vt.shape  # expect: [6, 3] [3] [3, 3]
print (t.s[0] >= t.s[1]) (t.s[1] >= t.s[2]) (t.s[2] > 0)  # expect: true true true
s = zeros 3 3
s[0, 0] = t.s[0]
s[1, 1] = t.s[1]
s[2, 2] = t.s[2]
print ((norm (t.u @ s @ t.vt - a)) < 1e-5)  # expect: true
f = svd (randn 2 4) full=true
print f.u.shape f.s.shape f.vt.shape  # expect: [2, 2] [2] [4, 4]
print ((norm (f.vt @ f.vt.T - (eye 4))) < 1e-5)  # expect: true
