seed 0
train = spurious n=100
m = linear 3 1
# the caret points at the value, not at `fit`
fit m train epochs=3.5  # expect error col 20: argument 'epochs' of fit must be an integer, got number 3.5
