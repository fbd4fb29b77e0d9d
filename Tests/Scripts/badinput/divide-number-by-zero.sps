# Bad input: divide number by zero
# expect: inf -inf nan

print (1 / 0) (-1 / 0) (0 / 0)
