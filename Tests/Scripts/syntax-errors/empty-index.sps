xs = [1]
print xs[]  # expect error: an index needs at least one value
