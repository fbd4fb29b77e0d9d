3 = 4  # expect error: cannot assign to this expression
