# cumsum and cumprod: over all elements in order, or along an axis
m = tensor [[1, 2], [3, 4]]
print (cumsum [1, 2, 3]) (cumprod [1, 2, 3])  # expect: [1, 3, 6] [1, 2, 6]
print (cumsum m)
# expect: 4-element Tensor{Float32}:
# expect: 1   3   6  10
print (cumsum m axis=0)
# expect: 2×2 Tensor{Float32}:
# expect: 1  2
# expect: 4  6
print (cumprod m axis=-1)[1]
# expect: 2-element Tensor{Float32}:
# expect: 3  12
