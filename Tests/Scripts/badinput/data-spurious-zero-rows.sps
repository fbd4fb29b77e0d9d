# Bad input: data spurious zero rows
# expect: 0

d = spurious n=0
print d.n
m = linear 3 1
# expect error: cannot train on an empty dataset
fit m d epochs=1
