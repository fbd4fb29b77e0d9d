scm n=(-1) target=y { y = normal 0 1 }  # expect error: n must be >= 0, got -1
