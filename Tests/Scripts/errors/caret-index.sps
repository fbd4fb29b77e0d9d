xs = tensor [1, 2, 3]
xs[10]  # expect error col 4: index 10 is out of range
