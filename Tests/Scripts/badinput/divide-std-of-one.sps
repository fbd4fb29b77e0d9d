# Bad input: divide std of one
# expect error: std needs at least two values

print (std [5])
