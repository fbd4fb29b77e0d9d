# algo= takes an algorithm record {name, loss, per_env, hparams} (what the invariance library's defs return): it
# sets the objective and per_env at once, and the loop keeps it as l.algo.
seed 0
train = spurious n=300 factor=(uniform 0.05 1) envs=3
def penalized lambda=1 {
  obj = { m bs ->
    losses = stack (map bs { b -> mse (m b.x) b.y })
    mean losses + lambda * var losses ddof=0
  }
  return {name: "penalized", loss: obj, per_env: true, hparams: {lambda: lambda}}
}
m = linear 3 1
l = fit m train epochs=2 batch=50 algo=(penalized lambda=10)
# expect: penalized 10 4
print l.algo.name l.algo.hparams.lambda l.step
# A def or command without settings is called for its record.
l = loop m train batch=50 algo=penalized
# expect: {lambda: 1}
print l.algo.hparams
# expect: nil
print (loop m train).algo
# The same objective given as loss= with per_env=true trains to the same weights.
seed 1
a = linear 3 1
b = copy a
fit a train epochs=3 batch=50 seed=3 algo=(penalized lambda=5)
fit b train epochs=3 batch=50 seed=3 per_env=true loss=(penalized lambda=5).loss
# expect: 0
print (max (abs (a.weight - b.weight)))
# expect error col 35: algo= already sets the objective and per_env; leave out loss=
fit a train algo=(penalized) loss=mse
