grid (plot hist (randn 5)) cols=0  # expect error: grid: cols must be at least 1, got 0
