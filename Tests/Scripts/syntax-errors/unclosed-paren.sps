print (1 + 2  # expect error: expected ')'
