dropout x3 rate=1.5  # expect error: dropout: rate must be between 0 and 1, got 1.5
