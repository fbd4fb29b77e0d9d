# ols: l2 must be a finite number at least 0; the error points at it
seed 0
d = spurious n=20
m = ols d l2=-1  # expect error col 14: l2 must be a finite number at least 0, got -1
