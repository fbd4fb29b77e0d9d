a = spurious n=4
concat a 3  # expect error: concat: argument 2 is a number, not a dataset
