# The step that diverges is reported; the steps before it were taken.
seed 0
train = spurious n=200 factor=0.2
def my_mse m b { mse (m b.x) b.y }
l = loop (linear 3 1) train loss=my_mse optim=(sgd lr=10)
# expect error: training diverged: the loss became non-finite at epoch 1, step 6
run l epochs=5
