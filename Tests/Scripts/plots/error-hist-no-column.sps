plot hist (spurious n=5)  # expect error: plot hist needs the column to count: plot hist d x3 (the columns are x1, x2, x3, y)
