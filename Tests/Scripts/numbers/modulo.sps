print (7 % 3)  # expect: 1
print (-7 % 3)  # expect: 2
print (7 % -3)  # expect: -2
print (5.5 % 2)  # expect: 1.5
# Whole numbers take a faster path with the same results: a zero remainder keeps the sign of a negative dividend,
# and numbers past 2^53 or fractions take the general one.
print (1 / (-4 % 2)) (1 / (4 % 2)) (2 ** 60 % 7) ((0 - 2 ** 54 - 2) % 10) (12 % -4) (1e300 % 7) (7 % 0) (7.5 % -2)  # expect: -inf inf 1 6 0 1 nan -0.5
