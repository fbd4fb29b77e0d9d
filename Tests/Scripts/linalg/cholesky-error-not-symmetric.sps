# cholesky: a matrix that is not symmetric; the error names the two entries
a = tensor [[4, 1.5], [2, 3]]
l = cholesky a  # expect error col 14: argument 'a' of cholesky must be symmetric, but [0, 1] is 1.5 and [1, 0] is 2; (a + a.T) / 2 is its symmetric part
