total = (1 +
         2 +
         3)
print total  # expect: 6
xs = [1,
      2,
      3]
print xs  # expect: [1, 2, 3]
