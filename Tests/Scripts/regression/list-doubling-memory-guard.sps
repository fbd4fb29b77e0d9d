# Fuzz/limits regression: overflow list doubling
# expect error: the joined list would have 16777216 elements; lists hold at most 10000000

x = [1]
while true { x = x + x }
