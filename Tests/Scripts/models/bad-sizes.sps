m = linear 0 1  # expect error: inputs must be between 1 and 65536, got 0
