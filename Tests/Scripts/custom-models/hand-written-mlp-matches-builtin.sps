# A 3-64-64-1 model written by hand (params copied from an mlp's initial weights) trains to the weights the
# built-in mlp reaches on the case study: 30 epochs, Adam, StepLR, the same batches.
seed 0
train = spurious n=5000 factor=0.2
builtin = mlp 3 [64, 64] 1 act=relu
layers = builtin.layers
W1 = param layers[0].weight
b1 = param layers[0].bias
W2 = param layers[2].weight
b2 = param layers[2].bias
W3 = param layers[4].weight
b3 = param layers[4].bias
def net x {
  h = relu (x @ W1.T + b1)
  h = relu (h @ W2.T + b2)
  h @ W3.T + b3
}
custom = model net params=[W1, b1, W2, b2, W3, b3]
# expect: Def(net)  # 4_481 parameters
print custom
# expect: 4481
print custom.params

fit builtin train epochs=30 batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5) seed=7
fit custom train epochs=30 batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5) seed=7
def relative a b { (max (abs (a - b))) / (max (abs a)) }
worst = 0
for k in 0..<6 { worst = max [worst, relative (detach builtin.parameters[k]) (detach custom.parameters[k])] }
# expect: true
print (worst < 1e-4)
# The predictions agree as closely.
iid = spurious n=1000 factor=0.2
# expect: true
print ((abs ((rmse builtin iid) - (rmse custom iid))) < 1e-4)
