s = steplr every=0  # expect error: steplr: every must be an integer >= 1, got 0
