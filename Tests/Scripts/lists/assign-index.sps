xs = [1, 2, 3]
xs[1] = 20
xs[-1] += 5
print xs  # expect: [1, 20, 8]
