# Fuzz/limits regression: overflow range too long for list
# expect error: sum of the range 0..<1000000000000000 would have 1000000000000000 elements; lists hold at most 10000000

print (sum (range 1000000000000000))
