t = tensor [[1, 2], [3]]  # expect error: row 1 has 1 elements but row 0 has 2
