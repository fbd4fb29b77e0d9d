# Fuzz/limits regression: overflow zeros product
# expect error: tensor of shape [100000000, 100000000, 100000000, 100000000] is too large (at most 100000000 elements)

t = zeros 100000000 100000000 100000000 100000000
