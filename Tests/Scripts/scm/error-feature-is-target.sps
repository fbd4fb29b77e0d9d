scm n=10 target=y features=[x, y] { x = normal 0 1; y = x }  # expect error: scm: 'y' is the target; it cannot also be a feature
