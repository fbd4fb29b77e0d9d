# lstsq: the least-squares (minimum-norm) solution; pinv: the pseudo-inverse
x = lstsq (tensor [[1, 0], [1, 1], [1, 2]]) (tensor [1, 2, 2])
print x.shape x[0] x[1]  # expect: [2] 1.1666666 0.5
# underdetermined: the minimum-norm solution
print [lstsq [[1, 1]] [2]]  # expect: [tensor [1, 1]]
print [lstsq [[1, 0], [0, 1], [0, 0]] [[1, 2], [3, 4], [5, 6]]]  # expect: [tensor [[1, 2], [3, 4]]]
p = pinv (tensor [[1, 2], [2, 4], [3, 6]])
print p.shape  # expect: [2, 3]
print ((norm (p - (tensor [[1, 2, 3], [2, 4, 6]]) / 70)) < 1e-6)  # expect: true
seed 8
a = randn 5 3
print ((norm ((pinv a) @ a - (eye 3))) < 1e-5)  # expect: true
print ((norm ((lstsq a (a @ (tensor [1, 2, 3]))) - (tensor [1, 2, 3]))) < 1e-5)  # expect: true
