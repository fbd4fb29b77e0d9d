plot scatter (spurious n=30) x=x1 y=y by=x2  # expect error: plot scatter: by=x2 has 30 different values; colour by a column with at most 20 (such as env)
