l = loop (linear 3 1) (spurious n=10)
l.lr = -1  # expect error: l.lr must be a finite number >= 0, got -1
