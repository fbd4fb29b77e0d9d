seed 0
train = spurious n=100
m = linear 3 1
l = loop m train
# an object is named once, with its shape: not "got Loop Loop: …"
fit m l  # expect error col 7: argument 'data' of fit must be a Dataset, got Loop (epoch 0, step 0)
