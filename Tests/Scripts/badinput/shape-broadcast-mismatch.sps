# Bad input: shape broadcast mismatch
# expect error: shapes [3] and [2] cannot be broadcast together

print ((zeros 3) + (tensor [1, 2]))
