xs = [1, 2]
print xs[0.5]  # expect error: list index must be an integer
