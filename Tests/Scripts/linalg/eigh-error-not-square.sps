# eigh: a non-square matrix
e = eigh (zeros 2 3)  # expect error col 11: argument 'a' of eigh must be a square matrix, got shape [2, 3]
