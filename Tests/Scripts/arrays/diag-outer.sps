# diag builds a diagonal matrix from a vector or reads a matrix's diagonal; outer multiplies every pair
print (diag (tensor [1, 2]))
# expect: 2×2 Tensor{Float32}:
# expect: 1  0
# expect: 0  2
print (diag (tensor [[1, 2], [3, 4]])) (diag (tensor [[1, 2], [3, 4]]) k=1)[0] (diag (tensor [5]) k=-1).shape
# expect: 2-element Tensor{Float32}:
# expect: 1  4 2 [2, 2]
print (outer [1, 2] [1, 10, 100])
# expect: 2×3 Tensor{Float32}:
# expect: 1   10  100
# expect: 2   20  200
print (diag (zeros 2 2 2))  # expect error: diag needs a vector or a matrix, got shape [2, 2, 2]
