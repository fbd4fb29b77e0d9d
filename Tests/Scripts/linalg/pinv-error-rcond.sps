# pinv: rcond is a fraction of the largest singular value
p = pinv (eye 2) rcond=2  # expect error col 24: rcond must be at least 0 and below 1, got 2
