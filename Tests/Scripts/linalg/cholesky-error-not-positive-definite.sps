# cholesky: a symmetric matrix that is not positive definite; the error names the leading minor
cholesky (tensor [[1, 2], [2, 1]])  # expect error col 11: argument 'a' of cholesky is not positive definite: its leading 2×2 minor is not positive
