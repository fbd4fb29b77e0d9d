# A tensor index must hold whole numbers, and be a vector
t = tensor [[1, 2], [3, 4]]
print t[tensor [0.5]]  # expect error: an index tensor must hold integers; element 0 is 0.5
