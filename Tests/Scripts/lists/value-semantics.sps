a = [1, 2]
b = a
b[0] = 99
print a b  # expect: [1, 2] [99, 2]
