# A comparison makes a mask: along an axis it keeps rows (or items); of the tensor's own shape it keeps elements
v = tensor [3, -1, 4, -1, 5]
print v[v > 0]
# expect: 3-element Tensor{Float32}:
# expect: 3  4  5
m = tensor [[1, 2], [3, 4], [5, 6]]
print m[m[.., 0] > 2]
# expect: 2×2 Tensor{Float32}:
# expect: 3  4
# expect: 5  6
print m[m > 3]
# expect: 3-element Tensor{Float32}:
# expect: 4  5  6
both = (v > 0) * (v < 5)
print v[both] (sum (v > 0))
# expect: 2-element Tensor{Float32}:
# expect: 3  4 3
print v[logical_or (v < 0) (v > 4)].count v[logical_not (v > 0)].count  # expect: 3 2
print v[tensor [1, 0, 0, 0, 0]]
# expect: 5-element Tensor{Float32}:
# expect: -1   3   3   3   3
print v[v[..<2] > 0]  # expect error: a mask of shape [2] cannot select from axis 0 of size 5 (shape [5]); it needs shape [5]
