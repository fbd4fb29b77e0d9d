plot bar {a: [1, 2], b: [3, 4]}  # expect error: plot bar needs x=: the column of category labels
