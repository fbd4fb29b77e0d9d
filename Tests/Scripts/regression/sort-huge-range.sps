# Fuzz/limits regression: overflow sort huge range
# expect error: sort of the range 0..100000000000 would have 100000000001 elements; lists hold at most 10000000

xs = sort (0..100000000000)
