# Bad input: divide mean of empty tensor
# expect: nan

print (mean (zeros 0))
