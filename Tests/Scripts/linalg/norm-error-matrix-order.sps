# norm: 3 is a vector order, not a matrix norm
n = norm (eye 2) ord=3  # expect error col 22: ord=3 is not a matrix norm; a matrix takes 1, -1, 2, -2, "inf", "-inf", "fro" or "nuc"
