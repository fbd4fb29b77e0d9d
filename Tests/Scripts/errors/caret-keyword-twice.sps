seed 0
train = spurious n=100
m = linear 3 1
fit m train epochs=1 epochs=2  # expect error col 22: argument 'epochs' of fit given twice
