t = zeros 3 4
print t.rank t.count t.rows t.cols  # expect: 2 12 3 4
