# solve: a singular matrix is an error, also when rounding leaves a tiny pivot (numpy answers with 1e15 noise)
a = tensor [[-9, -80, 28], [-36, 5, 8], [39, -20, -4]]
x = solve a [1, 2, 3]  # expect error col 11: argument 'a' of solve is singular (reciprocal condition number
