plot hist (randn 10) width=0  # expect error: plot: width must be between 1 and 10000, got 0
