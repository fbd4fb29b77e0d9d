f x = 3 + = 2  # expect error: expected an expression
