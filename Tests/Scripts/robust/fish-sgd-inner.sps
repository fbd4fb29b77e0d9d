# Fish with inner="sgd" (the paper's Algorithm 1): a copy of the params takes a plain gradient step on each
# environment's batch in turn, and the params move meta_lr of the way to where the copy ends
seed 0
train = spurious n=200 factor=(uniform 0.1 0.5) envs=2
m = linear 3 1
w0 = copy m
l = loop m train algo=(fish meta_lr=0.5 inner="sgd" inner_lr=0.001) optim=(sgd lr=1) batch=100 shuffle=false
step l
# the same by hand: one environment's rows are one batch
c = copy w0
for e in [0, 1] {
  b = train[train.env == e]
  gs = grad (mse (c b.X) b.Y) c
  ps = c.parameters
  for k in 0..<(len ps) {
    p = ps[k]
    p[0..<p.shape[0]] = detach p - 0.001 * gs[k]
  }
}
expected = w0.weight + 0.5 * (c.weight - w0.weight)
# expect: true true
bias = w0.bias[0] + 0.5 * (c.bias[0] - w0.bias[0])
print ((max (abs (m.weight - expected))) < 1e-5) ((abs (m.bias[0] - bias)) < 1e-5)
# expect: {meta_lr: 0.5, inner_lr: 0.001, inner: "sgd", loss: "mse"}
print l.algo.hparams
