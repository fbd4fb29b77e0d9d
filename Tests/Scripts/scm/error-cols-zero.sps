scm n=5 target=y { y = normal 0 1 cols=0 }  # expect error: cols must be between 1 and 100000, got 0
