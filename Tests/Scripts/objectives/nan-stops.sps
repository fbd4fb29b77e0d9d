# An objective whose loss becomes NaN stops the loop at that step, with the epoch and step, and leaves it intact.
seed 0
train = spurious n=200 factor=0.2
def blows_up m b { (mse (m b.x) b.y) * 1e30 * 1e30 }
m = linear 3 1
l = loop m train loss=blows_up
# expect error: training diverged: the loss became non-finite at epoch 1, step 1
run l epochs=1
