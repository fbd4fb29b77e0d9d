# Bad input: data one row fit
# expect: fitted

seed 0
d = spurious n=1
m = linear 3 1
fit m d epochs=2
print "fitted"
