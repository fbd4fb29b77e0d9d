# ERM leans on the spurious inputs where the protocol says it does (Example 1: the spurious inputs are effects
# of the target, predictive in training) and loses on the test split, where they are shuffled; the oracle,
# trained on the test distribution, puts almost no weight there.
seed 0
d = iut 1 n=1000
o = iut 1 n=1000 oracle=true
def train data {
  m = linear 10 1
  fit m data algo=erm batch=3000 shuffle=false epochs=400 optim=(adam lr=0.05)
  return m
}
def test_mse m data { mean ((detach (m data.X) - data.Y) ** 2) }
e = train d.train
p = train o.train
spurious = { m -> mean (abs m.weight[0, 5..]) }
# expect: true true
print ((spurious e) > 0.2) ((spurious p) < 0.05)
# expect: true
print ((test_mse e d.test) > 1.02 * (test_mse p d.test))
# IRMv1 (IUT's variant) leans on them less than ERM
m = linear 10 1
fit m d.train algo=(irm lambda=0.99 variant="iut") batch=1000 shuffle=false epochs=400 optim=(adam lr=0.05)
# expect: true
print ((spurious m) < 0.5 * (spurious e))
# The domainbed variant restarts Adam at the annealing step: the next step moves every weight by lr, as a
# fresh Adam's first step does
m = linear 10 1
l = loop m d.train algo=(irm lambda=100 anneal=3) batch=1000 shuffle=false optim=(adam lr=0.01)
step l 3
w = m.weight
step l
# expect: true
print ((max (abs ((abs (m.weight - w)) - 0.01))) < 1e-4)
