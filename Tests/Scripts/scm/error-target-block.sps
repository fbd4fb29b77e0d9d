scm n=10 target=x { x = normal 0 1 cols=2; y = x @ (randn 2) }  # expect error: scm node 'x' (line 1) is a block of 2 columns; the target must be one column, e.g. x1
