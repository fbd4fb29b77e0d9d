# orthogonal n: a random (Haar) orthogonal matrix, Q of the QR of a Gaussian with the signs fixed
seed 0
q = orthogonal 4
print q.shape ((max (abs (q @ q.T - (eye 4)))) < 1e-5)  # expect: [4, 4] true
print ((max (abs (q.T @ q - (eye 4)))) < 1e-5)  # expect: true
seed 0
print (sum ((orthogonal 4) == q))  # expect: 16
print (orthogonal 0).shape  # expect: [0, 0]
print (orthogonal -2)  # expect error col 19: orthogonal needs a size between 0 and 4000, got -2
