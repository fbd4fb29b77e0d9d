for x xs { }  # expect error: expected 'in' after the loop variable
