a = tensor [[1, 2], [3, 4]]
b = tensor [[5], [6]]
c = a @ b
print c.shape c[0, 0] c[1, 0]  # expect: [2, 1] 17 39
