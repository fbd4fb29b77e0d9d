# Bad input: shape tensor too many indices

t = zeros 2 2
# expect error: too many indices (3) for a tensor of shape [2, 2]
print t[0, 0, 0]
