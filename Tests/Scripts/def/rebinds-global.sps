count = 0
def bump { count = count + 1 }
bump; bump; bump
print count  # expect: 3
