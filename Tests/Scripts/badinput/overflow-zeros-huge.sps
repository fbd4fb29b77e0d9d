# Bad input: overflow zeros huge
# expect error: tensor of shape [1000000000000000] is too large (at most 100000000 elements)

t = zeros 1e15
