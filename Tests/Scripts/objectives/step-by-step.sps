# With an objective written in sps, stepping a loop a few batches at a time gives exactly the weights of running
# it all at once (the same batches, augmentation noise and schedule).
seed 0
train = spurious n=500 factor=0.2
def my_mse m b { mse (m b.x) b.y }
a = mlp 3 [8] 1 act=tanh
b = copy a
whole = loop a train loss=my_mse batch=32 seed=3 aug=(noise x3 std=1) sched=(steplr every=1 gamma=0.5)
parts = loop b train loss=my_mse batch=32 seed=3 aug=(noise x3 std=1) sched=(steplr every=1 gamma=0.5)
run whole epochs=3
step parts
step parts 5
epoch parts
step parts 20
until parts { parts.epoch >= 3 }
# expect: 3 48
print parts.epoch parts.step
# expect: 0 0 0
print (max (abs (a.layers[0].weight - b.layers[0].weight))) (max (abs (a.layers[2].weight - b.layers[2].weight))) (max (abs (a.layers[2].bias - b.layers[2].bias)))
# expect: true
print (whole.loss == parts.loss)
# The history is kept as for a built-in loss: a row per epoch, the learning rate halved each epoch.
# expect: true
print (parts.history.lr[2] == 0.00025)
