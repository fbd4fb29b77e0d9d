# Positions select rows (or along any axis); several lists select a block, one list per axis
t = tensor [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print t[[2, 0]]
# expect: 2×3 Tensor{Float32}:
# expect: 7  8  9
# expect: 1  2  3
print t[.., [2, 0]]
# expect: 3×2 Tensor{Float32}:
# expect: 3  1
# expect: 6  4
# expect: 9  7
print t[[0, 2], [0, 2]]
# expect: 2×2 Tensor{Float32}:
# expect: 1  3
# expect: 7  9
print t[[-1], 1].shape (sum t[tensor [1, 1], -1])  # expect: [1] 12
print t[[0, 3]]  # expect error: index 3 is out of range for axis 0 of size 3 (shape [3, 3])
