# sort, argsort (stable) and unique, on lists and tensors
print (sort [3, 1, 2]) (sort ["b", "a"]) (argsort [30, 10, 20, 10])  # expect: [1, 2, 3] ["a", "b"] [1, 3, 2, 0]
t = tensor [[3, 1, 2], [0, 5, 4]]
print (sort t)
# expect: 2×3 Tensor{Float32}:
# expect: 1  2  3
# expect: 0  4  5
print (sort t axis=0)[0] (argsort t)[1]
# expect: 3-element Tensor{Float32}:
# expect: 0  1  2 3-element Tensor{Float32}:
# expect: 0  2  1
xs = [5, 3, 9]
print xs[argsort xs]  # expect: [3, 5, 9]
print (unique [3, 1, 3, 2]) (unique ["b", "a", "b"]) (unique [3, 1, 3] counts=true)  # expect: [1, 2, 3] ["a", "b"] {values: [1, 3], counts: [1, 2]}
print (unique (tensor [[2, 2], [1, 2]]))
# expect: 2-element Tensor{Float32}:
# expect: 1  2
print (sort [0 / 0, 1, 0]) (argsort [0 / 0, 1, 0])  # expect: [0, 1, nan] [2, 1, 0]
