l = loop (linear 3 1) (spurious n=10)
l.epoch = 3  # expect error: l.epoch cannot be set; only l.lr can
