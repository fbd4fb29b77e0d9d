seed 0
train = spurious n=100
m = linear 3 1
# the caret points at the keyword, not at its value
fit m train epoch=3  # expect error col 13: unknown argument 'epoch' for fit; did you mean 'epochs'?
