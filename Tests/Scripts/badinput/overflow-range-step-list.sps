# Bad input: overflow range step list
# expect error: range is too long

xs = range 0 1e15 1
