# qr: reduced QR with a non-negative diagonal of r
d = qr (tensor [[3, 0], [4, 5]])
print d.q.shape d.r.shape  # expect: [2, 2] [2, 2]
print [d.r]  # expect: [tensor [[5, 4], [0, 3]]]
print d.q[0, 0] d.q[0, 1] d.q[1, 0] d.q[1, 1]  # expect: 0.6 -0.8 0.8 0.6
seed 2
a = randn 5 3
t = qr a
print t.q.shape t.r.shape  # expect: [5, 3] [3, 3]
print ((norm (t.q @ t.r - a)) < 1e-5) ((norm (t.q.T @ t.q - (eye 3))) < 1e-5)  # expect: true true
print (t.r[0, 0] > 0) (t.r[1, 1] > 0) (t.r[2, 2] > 0) t.r[1, 0] t.r[2, 0] t.r[2, 1]  # expect: true true true 0 0 0
w = qr (randn 2 4)
print w.q.shape w.r.shape  # expect: [2, 2] [2, 4]
