# Fuzz/limits regression: overflow string doubling
# expect error: the joined string would be 134217728 bytes long; strings hold at most 67108864 bytes

s = "abcdefgh"
while true { s = s + s }
