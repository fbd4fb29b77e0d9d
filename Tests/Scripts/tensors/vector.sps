v = tensor [1, 2, 3]
print v
# expect: 3-element Tensor{Float32}:
# expect: 1  2  3
