seed 1.5  # expect error: of seed must be an integer, got number 1.5
