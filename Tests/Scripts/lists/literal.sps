xs = [1, 2, 3]
print xs  # expect: [1, 2, 3]
print []  # expect: []
print [1, [2, 3], "x"]  # expect: [1, [2, 3], "x"]
