# Fuzz/limits regression: overflow range to tensor
# expect error: tensor's argument: the range 0..1000000000000 has 1000000000001 elements; tensors hold at most 100000000

t = tensor (0..1000000000000)
