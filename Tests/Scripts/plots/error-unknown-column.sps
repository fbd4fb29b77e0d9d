d = spurious n=5
plot scatter d x=x33 y=y  # expect error: plot scatter: no column 'x33' in the dataset; the columns are x1, x2, x3, y; did you mean 'x3'?
