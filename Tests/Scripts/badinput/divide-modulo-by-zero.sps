# Bad input: divide modulo by zero
# expect: nan

print (5 % 0)
