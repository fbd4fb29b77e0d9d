# An open end exists only as written inside an index (xs[1..]); a range written with nil is an error, not endless
xs = [1, 2, 3]
print xs[1..]  # expect: [2, 3]
r = 1..nil  # expect error: range bounds must be integers, got nil
