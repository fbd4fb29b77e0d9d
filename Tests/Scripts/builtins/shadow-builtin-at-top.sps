max = 5
print max  # expect: 5
