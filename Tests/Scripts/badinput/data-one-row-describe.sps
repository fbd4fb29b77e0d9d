# Bad input: data one row describe
# expect: nan

d = spurious n=1
print (std d.y)
