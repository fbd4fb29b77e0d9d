# Fuzz/limits regression: overflow string repeat
# expect error: the repeated string would be 2000000000000000 bytes long; strings hold at most 67108864 bytes

s = "ab" * 1e15
