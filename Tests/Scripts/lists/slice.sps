xs = [10, 20, 30, 40]
print xs[1..<3]  # expect: [20, 30]
print xs[0..1]  # expect: [10, 20]
