# eigh: eigenvalues in increasing order, unit eigenvectors as columns
e = eigh (tensor [[2, 1], [1, 2]])
print [e.values]  # expect: [tensor [1, 3]]
# column 0 is the eigenvector of 1: its first entry (a tie for the largest) is positive
print e.vectors[0, 0] e.vectors[1, 0] e.vectors[0, 1] e.vectors[1, 1]  # expect: 0.70710677 -0.70710677 0.70710677 0.70710677
print (eigh (tensor [[5, 0], [0, -1]]))  # expect: {values: tensor [-1, 5], vectors: tensor [[0, 1], [1, 0]]}
seed 6
m = randn 5 5
s = (m + m.T) / 2
t = eigh s
print ((norm (s @ t.vectors - t.vectors * t.values)) < 1e-5)  # expect: true
print ((norm (t.vectors.T @ t.vectors - (eye 5))) < 1e-5)  # expect: true
