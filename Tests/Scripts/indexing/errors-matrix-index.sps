# A matrix is not an index (except a mask of the tensor's own shape)
t = tensor [[1, 2], [3, 4]]
print t[tensor [[0, 1], [1, 0]]]  # expect error: tensor index tensors must be vectors of positions (or masks), got shape [2, 2]
