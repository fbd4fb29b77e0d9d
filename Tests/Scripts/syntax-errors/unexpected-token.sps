x = 1 +  # expect error: expected an expression, found end of line
