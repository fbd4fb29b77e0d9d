# features takes a tensor of inputs, not a dataset
seed 0
d = spurious n=10
m = mlp 3 [4] 1
print (features m d.X).shape
# expect: [10, 4]
features m d  # expect error col 12: argument 'x' of features must be a tensor, got Dataset (10 rows × 3 features)
