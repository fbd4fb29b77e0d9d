d = spurious n=10
split d 1.5  # expect error: split: the fraction must be strictly between 0 and 1 (e.g. 0.8), got 1.5
