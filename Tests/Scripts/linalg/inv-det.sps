# inv and det
i = inv (tensor [[4, 7], [2, 6]])
print i.shape i[0, 0] i[0, 1] i[1, 0] i[1, 1]  # expect: [2, 2] 0.6 -0.7 -0.2 0.4
print [inv [[2, 0], [0, 4]]]  # expect: [tensor [[0.5000, 0.0000], [0.0000, 0.2500]]]
print (det (tensor [[1, 2], [3, 4]]))  # expect: -2
print (det [[0, 1], [1, 0]])  # expect: -1
print (det (eye 5))  # expect: 1
print (det [[1, 2], [2, 4]])  # expect: 0
print (det (zeros 0 0)) (inv (zeros 0 0)).shape  # expect: 1 [0, 0]
seed 1
a = randn 6 6
print ((norm (a @ (inv a) - (eye 6))) < 1e-5)  # expect: true
print ((abs ((det a) * (det (inv a)) - 1)) < 1e-5)  # expect: true
