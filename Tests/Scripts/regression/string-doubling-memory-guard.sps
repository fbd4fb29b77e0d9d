# Fuzz/limits regression: overflow string doubling

s = "abcdefgh"
# expect error: the joined string would be 134217728 bytes long; strings hold at most 67108864 bytes
while true { s = s + s }
