fit (linear 2 1) (spurious n=10) epochs=1  # expect error: the model takes 2 inputs but the data has 3 features (x1, x2, x3)
