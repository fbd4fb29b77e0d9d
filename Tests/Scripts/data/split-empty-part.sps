d = spurious n=3
split d 0.1  # expect error: split: 0.1 of 3 rows leaves the first part empty
