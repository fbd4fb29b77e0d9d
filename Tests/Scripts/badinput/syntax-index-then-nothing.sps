# Bad input: syntax index then nothing
# expect error: expected ',' or ']' in index, found end of line

xs = [1]
print xs[0
