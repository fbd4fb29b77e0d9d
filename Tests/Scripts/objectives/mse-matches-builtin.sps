# An objective that computes the mean squared error in sps trains the case study to the weights `loss=mse` gives:
# the same batches, the same gradients, the same steps (30 epochs, Adam, StepLR).
seed 0
train = spurious n=5000 factor=0.2
def my_mse m b { mse (m b.x) b.y }

builtin = linear 3 1
custom = copy builtin
fit builtin train epochs=30 batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5) seed=7
fit custom train epochs=30 batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5) seed=7 loss=my_mse
a = [builtin.weight[0, 0], builtin.weight[0, 1], builtin.weight[0, 2], builtin.bias[0]]
c = [custom.weight[0, 0], custom.weight[0, 1], custom.weight[0, 2], custom.bias[0]]
worst = 0
for k in 0..<4 { worst = max [worst, (abs (a[k] - c[k])) / (abs a[k])] }
# expect: true
print (worst < 1e-6)
# The trained model leans on the spurious x3, as the built-in loss's does.
# expect: true
print (c[2] > 0.1)
