t = tensor [[1, 2], [3, 4]]
print t.shape (type t)  # expect: [2, 2] tensor
print t
# expect: 2×2 Tensor{Float32}:
# expect: 1  2
# expect: 3  4
