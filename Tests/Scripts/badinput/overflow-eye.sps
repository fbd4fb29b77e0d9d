# Bad input: overflow eye
# expect error: eye needs a size between 0 and 10000, got 100000

t = eye 100000
