fit (linear 3 1) (spurious n=10) batch=0  # expect error: batch must be an integer >= 1, got 0
