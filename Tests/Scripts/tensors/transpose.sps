t = tensor [[1, 2, 3], [4, 5, 6]]
print t.T.shape t.T[2, 1]  # expect: [3, 2] 6
