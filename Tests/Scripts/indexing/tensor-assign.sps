# Every tensor selection is an assignment target; the value is one number, or values of the selection's shape (broadcast as numpy does)
v = tensor [3, -1, 4, -1, 5]
v[v < 0] = 0
v[[0, -1]] = [30, 50]
print v
# expect: 5-element Tensor{Float32}:
# expect: 30   0   4   0  50
m = zeros 3 3
m[.., 0] = [1, 2, 3]
m[[1, 2], 1..] = 9
m[0] = tensor [7, 8, 9]
print m
# expect: 3×3 Tensor{Float32}:
# expect: 7  8  9
# expect: 2  9  9
# expect: 3  9  9
m[..<2] = [1, 2, 3]
print m[1]
# expect: 3-element Tensor{Float32}:
# expect: 1  2  3
m[m > 2] = -1
print (sum (m == -1))  # expect: 5
m[..<2] = [1, 2]  # expect error: cannot assign [2] values to a selection of shape [2, 3]
