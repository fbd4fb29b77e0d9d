# Each penalty changes training monotonically as its weight grows from 0: the penalty's value at the end of
# training falls (IRMv1 both variants, IGA), and ANDMask's stricter masks move the weights less.
seed 0
d = iut 1 n=300 envs=3
bs = map [0, 1, 2] { e -> {x: d.train[d.train.env == e].X, y: d.train[d.train.env == e].Y, n: 300} }
def num x {
  if (type x) == "number" { return x }
  return sum (detach x)
}
def train a steps=300 lr=0.01 {
  seed 1
  m = linear 10 1
  opt = adam lr=lr
  if a.name == "andmask" { opt = sgd lr=lr }
  fit m d.train algo=a batch=300 shuffle=false epochs=steps optim=opt
  return m
}
def decreasing xs {
  for i in 1..<(len xs) { if xs[i] >= xs[i - 1] { return false } }
  return true
}
iut_pen = (irm lambda=1 variant="iut").loss
pens = map [0, 0.5, 0.9, 0.99] { lam -> num (iut_pen (train (irm lambda=lam variant="iut")) bs) }
# expect: true
print (decreasing pens)
# DomainBed's variant weighs an unbiased estimate of the squared gradient (even rows' gradient times odd rows'):
# the estimate itself falls (below 0 with 150-row halves: it fits the estimate's noise)
db_pen = (irm lambda=1 anneal=0).loss
db_value = { m -> num (db_pen m bs {step: 1}) - num (mean (stack (map bs { b -> risk m b }))) }
pens = map [0, 1, 10, 100] { lam -> db_value (train (irm lambda=lam anneal=0)) }
# expect: true
print (decreasing pens)
iga_pen = (iga lambda=1).loss
iga_value = { m -> num (iga_pen m bs) - num (mean (stack (map bs { b -> risk m b }))) }
pens = map [0, 0.1, 1, 10] { lam -> iga_value (train (iga lambda=lam) lr=0.003) }
# expect: true
print (decreasing pens)
# ANDMask with 5 environments: tau 0 keeps every entry (a plain gradient step), 0.3 needs 3 of 5 signs to agree,
# 0.7 all 5; the distance the weights travel from their start shrinks
d = iut 1 n=300 envs=5
seed 1
w0 = (linear 10 1).weight
moved = map [0, 0.3, 0.7] { tau -> num (sum (abs ((train (andmask tau=tau) lr=0.1).weight - w0))) }
# expect: true
print (decreasing moved)
