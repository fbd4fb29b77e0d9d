print ([1] + [2, 3])  # expect: [1, 2, 3]
xs = append [1] 2 3
print xs  # expect: [1, 2, 3]
