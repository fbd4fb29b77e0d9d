# fit_linear trains many linear models at once, natively; each model ends where `fit … algo=` with the stdlib's
# algorithm (full batch, no shuffling) leaves it, up to the order in which sums round
def gap k algo opt steps {
  seed 3
  d = iut k n=200 dim_inv=5 dim_spu=5 envs=3
  m1 = linear 10 1
  m2 = copy m1
  batch = 600
  if algo.per_env { batch = 200 }
  fit m1 d.train algo=algo batch=batch shuffle=false epochs=steps optim=opt
  fit_linear m2 d.train algo=algo optim=opt steps=steps
  return max (abs (m1.weight - m2.weight)) + (abs (m1.bias[0] - m2.bias[0]))
}
def gaps k loss {
  return [gap k (erm loss=loss) (adam lr=1e-2 weight_decay=1e-3) 100,
          gap k (irm lambda=0.9 variant="iut" loss=loss) (adam lr=1e-2) 100,
          gap k (iga lambda=1000 loss=loss) (adam lr=1e-3 weight_decay=1e-4) 100,
          gap k (andmask tau=0.9 loss=loss) (sgd lr=1e-2 weight_decay=1e-4) 100]
}
# mean squared error (from each environment's moments) and the logistic loss (row passes, 8 models a vector)
# expect: [true, true, true, true] [true, true, true, true]
print (map (gaps 1 "mse") { g -> g < 1e-5 }) (map (gaps 3 "bce_logits") { g -> g < 1e-5 })
# Many models with their own algorithm and optimizer: the same as training each alone
seed 4
d = iut 2 n=100 dim_inv=3 dim_spu=2 envs=2
ms = map (range 11) { k -> linear 5 1 }
alone = map ms { m -> copy m }
algos = map (range 11) { k -> irm lambda=(k / 11) variant="iut" loss="bce_logits" }
optims = map (range 11) { k -> adam lr=(0.001 * (k + 1)) }
out = fit_linear ms d.train algo=algos optim=optims steps=30
for k in 0..<11 { fit_linear alone[k] d.train algo=algos[k] optim=optims[k] steps=30 }
# expect: 11 true
print (len out) ((max (tensor (map (range 11) { k -> max (abs (ms[k].weight - alone[k].weight)) }))) < 1e-6)
# No environments in the data: one environment, ERM with loss=
seed 5
X = randn 500 2
d = dataset X (2 * X[.., 0] - X[.., 1] + 1)
m = linear 2 1
fit_linear m d steps=2000 optim=(adam lr=0.05)
# expect: 2 -1 1
print (round m.weight[0, 0]) (round m.weight[0, 1]) (round m.bias[0])
