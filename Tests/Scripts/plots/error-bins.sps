plot hist (randn 10) bins=(-1)  # expect error: plot hist: bins must be between 0 (automatic) and 1000, got -1
