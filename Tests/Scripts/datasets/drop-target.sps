# The target cannot be dropped
d = dataset (tensor [[1, 2]]) [3] names=[a, b]
print (drop d [y])  # expect error: drop: 'y' is the target and cannot be dropped; the features are a, b
