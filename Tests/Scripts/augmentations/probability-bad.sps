noise x3 std=1 p=2  # expect error: p must be between 0 and 1, got 2
