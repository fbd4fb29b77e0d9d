print (1 + 2  # expect error at end: expected ')'
