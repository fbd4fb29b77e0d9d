# solve: a non-square matrix is an error at the argument, naming its shape
a = tensor [[1, 2, 3], [4, 5, 6]]
solve a [1, 2]  # expect error col 7: argument 'a' of solve must be a square matrix, got shape [2, 3]
