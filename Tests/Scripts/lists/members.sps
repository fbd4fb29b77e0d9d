xs = [4, 5, 6]
print xs.count xs.first xs.last  # expect: 3 4 6
