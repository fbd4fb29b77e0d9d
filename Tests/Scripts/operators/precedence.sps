print (1 + 2 * 3)  # expect: 7
print ((1 + 2) * 3)  # expect: 9
print (10 - 4 - 3)  # expect: 3
print (2 * 3 ** 2)  # expect: 18
print (-3 + 1)  # expect: -2
