d = spurious n=10
head d (-1)  # expect error: head: n must be >= 0, got -1
