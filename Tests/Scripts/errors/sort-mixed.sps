print (sort [1, "a"])  # expect error: sort needs a list of numbers or a list of strings
