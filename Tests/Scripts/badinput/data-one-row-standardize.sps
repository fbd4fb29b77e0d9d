# Bad input: data one row standardize
# expect: 1

d = spurious n=1
s = standardize d
print s.n
