t = tensor ["a"]  # expect error: must be a tensor, a number or a list of numbers
