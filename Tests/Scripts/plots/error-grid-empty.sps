grid  # expect error: grid needs at least one plot
