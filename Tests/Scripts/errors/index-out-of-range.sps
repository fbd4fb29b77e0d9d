xs = [1, 2]
print xs[5]  # expect error: index 5 is out of range for list of length 2
