d = spurious n=10
standardize d 5  # expect error: standardize: argument 2 is a number, not a dataset
