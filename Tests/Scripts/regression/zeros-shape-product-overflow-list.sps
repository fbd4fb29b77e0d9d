# Fuzz/limits regression: overflow zeros product list
# expect error: tensor of shape [4294967296, 4294967296] is too large (at most 100000000 elements)

t = zeros [4294967296, 4294967296]
