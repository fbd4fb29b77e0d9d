seed -1  # expect error: seed must be a non-negative integer
