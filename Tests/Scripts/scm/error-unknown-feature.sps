scm n=10 target=y features=[x1, x4] { x1 = normal 0 1; x2 = normal 0 1; y = x1 + x2 }  # expect error: scm: no node named 'x4' for features; the nodes are x1, x2, y; did you mean
