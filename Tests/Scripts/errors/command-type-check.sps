print (round "x")  # expect error: argument 'x' of round must be a number or tensor, got string "x"
