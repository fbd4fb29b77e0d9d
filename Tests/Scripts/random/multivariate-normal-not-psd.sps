# A covariance that is not positive semi-definite is an error naming an eigenvalue
print (multivariate_normal [0, 0] [[1, 2], [2, 1]] 3)  # expect error: the covariance must be positive semi-definite; it has the eigenvalue -1
