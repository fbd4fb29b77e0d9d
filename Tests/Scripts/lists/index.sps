xs = [10, 20, 30]
print xs[0] xs[2] xs[-1]  # expect: 10 30 30
