seed 0
train = spurious n=200
m = linear 3 1
fit m train epochs=50 optim=(sgd lr=10)  # expect error: training diverged: the loss became non-finite at epoch 1, step 6; the last finite loss was 3.4970e+31
