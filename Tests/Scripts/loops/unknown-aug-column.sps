fit (linear 3 1) (spurious n=10) aug=(noise x4 std=1)  # expect error: augmentation 'noise x4 std=1' names column 'x4', but the features are x1, x2, x3
