describe [1, 2]  # expect error: argument 'data' of describe must be a Dataset, got list
