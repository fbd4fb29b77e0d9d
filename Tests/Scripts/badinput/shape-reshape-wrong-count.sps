# Bad input: shape reshape wrong count
# expect error: shape [2, 2] needs 4 elements, got 3

print (reshape (tensor [1, 2, 3]) [2, 2])
