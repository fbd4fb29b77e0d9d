total = 0
for x in [1, 2, 3] { total = total + x }
print total  # expect: 6
