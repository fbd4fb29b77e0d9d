plot scatter (spurious n=5) y=y  # expect error: plot scatter needs x=: the column along the x axis (the columns are x1, x2, x3, y)
