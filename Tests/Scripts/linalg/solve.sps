# solve: a @ x = b in double precision; b a vector or a matrix of right-hand sides; lists are taken as tensors

a = tensor [[2, 1], [1, 3]]
x = solve a (tensor [5, 10])
print x.shape x[0] x[1]  # expect: [2] 1 3
m = solve a [[5, 1], [10, 2]]
print m.shape  # expect: [2, 2]
print m[0, 0] m[1, 0] m[0, 1] m[1, 1]  # expect: 1 3 0.2 0.6
print (solve [[4]] [2])[0]  # expect: 0.5
# a badly scaled matrix is not singular
print [solve [[1e30, 0], [0, 1e-30]] [1e30, 1e-30]]  # expect: [tensor [1, 1]]
# a random system, checked by its residual
seed 3
b = randn 10 10
y = randn 10
print ((norm (b @ (solve b y) - y)) < 1e-4)  # expect: true
