# Fuzz/limits regression: overflow list doubling

x = [1]
# expect error: the joined list would have 16777216 elements; lists hold at most 10000000
while true { x = x + x }
