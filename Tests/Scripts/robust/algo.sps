# The robust algorithms through algo=: records, state kept across steps, and their errors.
seed 0
train = spurious n=400 factor=(uniform 0.05 1) envs=2
m = mlp 3 [8] 1
l = loop m train algo=(groupdro eta=0.1) batch=50 optim=(adam lr=1e-2)
print l.algo.name l.algo.per_env l.algo.hparams
# expect: groupdro true {eta: 0.1, loss: "mse"}
run l epochs=1
q = l.algo.q()
print (len q) (abs (sum q - 1) < 1e-5) l.step
# expect: 2 true 4
# the same record trains another model from a fresh q
a = fishr lambda=10 anneal=2
fit m train algo=a batch=50 epochs=1
p = a.penalty()
fit (mlp 3 [8] 1) train algo=a batch=50 epochs=1
print (type p) (p > 0) (a.penalty() > 0)
# expect: number true true
# a def as the base loss
fit m train algo=(vrex lambda=1 anneal=0 loss={ p y -> mean (abs (p - y)) }) batch=50 epochs=1
# classification: 0/1 labels from x1, one logit, two environments
seed 0
x = randn 400 2
y = (x[0..<400, 0] > 0) * 1
d = dataset x y env=(tensor (map (range 400) { i -> i % 2 }))
for a in [(groupdro eta=0.1 loss="bce_logits"), (coral loss="bce_logits"), (fishr lambda=1 anneal=0 loss="bce_logits"), (mixup loss="bce_logits")] {
  m = mlp 2 [8] 1
  fit m d algo=a batch=50 epochs=10 optim=(adam lr=1e-2)
  acc = mean (((m d.X) > 0) == d.Y)
  print a.name (acc > 0.8)
}
# expect: groupdro true
# expect: coral true
# expect: fishr true
# expect: mixup true

# errors point at the call
eqrm alpha=1  # expect error: alpha must be in (0, 1), or below 0 for log(1 − quantile), got 1
