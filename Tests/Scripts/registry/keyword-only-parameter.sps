pick x y  # expect error: pick takes at most 1 positional argument, got 2
