# Bad input: overflow index huge

xs = [1, 2]
# expect error: index 1000000000000000 is out of range for list of length 2
print xs[1e15]
