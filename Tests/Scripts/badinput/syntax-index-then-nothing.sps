# Bad input: syntax index then nothing
# expect error at end: expected ',' or ']' in index, found end of line

xs = [1]
print xs[0
