scm n=10 target=yy { x = normal 0 1; y = x }  # expect error: scm: no node named 'yy' for the target; the nodes are x, y; did you mean 'y'?
