# Every robust objective's gradient against central finite differences in every param of a small tanh MLP
# (first order; fishr and ib_irm differentiate gradients: second order). The objectives are called directly with
# batches as records and a record standing in for the loop (step 1000: past every annealing).
seed 0
def make_batch n {
  x = randn n 3
  y = x[0..<n, 0] * 2 - x[0..<n, 1] + 0.3 * randn n
  return { x: x, y: y, n: n }
}
bs = [make_batch 8, make_batch 8, make_batch 6]
L = { step: 1000, epoch: 0, lr: 0.01 }
m = mlp 3 [4] 1 act=tanh
# an algorithm's objective on those batches
def value_of algo {
  f = algo.loss
  return f m bs L
}

# the largest gap between grad and central differences, relative to the largest gradient entry
def fd_gap f ps eps=3e-3 {
  analytic = grad (f()) ps
  gap = 0
  scale = 1e-6
  for k in 0..<(len ps) {
    p = ps[k]
    a = analytic[k]
    if p.rank == 1 {
      for i in 0..<p.shape[0] {
        orig = sum (detach p[i])
        p[i] = orig + eps
        up = sum (detach (f()))
        p[i] = orig - eps
        down = sum (detach (f()))
        p[i] = orig
        gap = max [gap, abs ((up - down) / (2 * eps) - a[i])]
        scale = max [scale, abs a[i]]
      }
    } else {
      for i in 0..<p.shape[0] {
        for j in 0..<p.shape[1] {
          orig = sum (detach p[i, j])
          p[i, j] = orig + eps
          up = sum (detach (f()))
          p[i, j] = orig - eps
          down = sum (detach (f()))
          p[i, j] = orig
          gap = max [gap, abs ((up - down) / (2 * eps) - a[i, j])]
          scale = max [scale, abs a[i, j]]
        }
      }
    }
  }
  return gap / scale
}

print (fd_gap { value_of (vrex lambda=10) } m.parameters < 1e-2)
# expect: true
# GroupDRO's gradient holds q fixed (DomainBed's): it is the gradient of sum(q · risks) at the q of this step,
# which after one step from uniform is softmax(eta · risks)
dro = groupdro eta=0.5
got = grad (value_of dro) m
risks = { stack (map bs { b -> mse (m b.x) b.y }) }
q = detach (softmax (0.5 * risks()))
print (sum (abs (dro.q() - q)) < 1e-6)
# expect: true
want = grad (sum (q * risks())) m
gaps = map [0, 1, 2, 3] { k -> max (abs (got[k] - want[k])) }
print (max gaps < 1e-6) (fd_gap { sum (q * risks()) } m.parameters < 1e-2)
# expect: true true
print (fd_gap { value_of (eqrm alpha=0.75 burnin=0) } m.parameters < 1e-2)
# expect: true
print (fd_gap { value_of (fishr lambda=10 anneal=0) } m.parameters < 1e-2)
# expect: true
print (fd_gap { seed 3; value_of (mixup alpha=0.4) } m.parameters < 1e-2)
# expect: true
print (fd_gap { value_of (coral gamma=3) } m.parameters < 1e-2)
# expect: true
print (fd_gap { value_of (mmd gamma=3) } m.parameters < 1e-2)
# expect: true
print (fd_gap { value_of (ib_erm ib_lambda=10 anneal=0) } m.parameters < 1e-2)
# expect: true
print (fd_gap { value_of (ib_irm irm_lambda=10 irm_anneal=0 ib_lambda=10 ib_anneal=0) } m.parameters < 1e-2)
# expect: true

# the penalties alone, in their inputs
v = param (tensor [0.3, 1.2, 0.7, 2.0])
print (fd_gap { kde_quantile v 0.75 } [v] < 1e-2) (fd_gap { kde_quantile v 0.2 } [v] < 1e-2)
# expect: true true
# below 0, alpha is log(1 − q): DomainBed's tail form mean(v + h √(−2 alpha)), differentiable in v (and h)
print (fd_gap { kde_quantile v (log 1e-4) } [v] < 1e-2) (fd_gap { value_of (eqrm alpha=(log 1e-3) burnin=0) } m.parameters < 1e-2)
# expect: true true
vd = detach v
h = 1.06 * (std vd ddof=1) / 4 ** 0.2
print (abs ((kde_quantile vd -9) - (mean vd + h * sqrt 18)) < 1e-6)
# expect: true
# it rises as alpha → −∞ (q → 1), past the largest value and the search form's 0.999 quantile
print ((kde_quantile vd -20) > (kde_quantile vd (log 1e-3))) ((kde_quantile vd (log 1e-3)) > (max vd)) ((kde_quantile vd (log 1e-3)) > (kde_quantile vd 0.99))
# expect: true true true
hx = param (randn 6 2)
hy = param (randn 5 2 + 0.5)
print (fd_gap { coral_distance hx hy } [hx, hy] < 1e-2) (fd_gap { mmd_distance hx hy } [hx, hy] < 1e-2)
# expect: true true
print (fd_gap { ib_penalty hx } [hx] < 1e-2)
# expect: true
out = param (randn 8)
print (fd_gap { irm_half_penalty out bs[0].y } [out] < 1e-2)
# expect: true

# Fish's objective is a surrogate: its value is the mean risk at θ, its gradient (meta_lr / l.lr) · (θ − θ̃) with θ̃
# the end of the inner Adam pass. With one environment that pass is one Adam step from zero moments:
# θ̃ = θ − inner_lr · g / (|g| + 1e-8), g the risk's gradient.
one = [bs[0]]
f = (fish meta_lr=0.5 inner_lr=1e-3).loss
value = f m one L
risk = mse (m bs[0].x) bs[0].y
print (abs (sum (detach value) - sum (detach risk)) < 1e-6)
# expect: true
got = grad value m
g = grad risk m
gaps = map [0, 1, 2, 3] { k -> max (abs (got[k] - 50 * 1e-3 * g[k] / (abs g[k] + 1e-8))) }
print (max gaps < 1e-5)
# expect: true

# three classes, one logit each: Fishr's per-sample gradients are then outer products (logits × features)
def make_classes n {
  x = randn n 3
  return { x: x, y: argmax (x @ tensor [[1, 0, -1], [0, 1, 1], [1, -1, 0]]) axis=1, n: n }
}
bs = [make_classes 8, make_classes 8, make_classes 6]
m = mlp 3 [4] 3 act=tanh
print (fd_gap { value_of (fishr lambda=10 anneal=0 loss="cross_entropy") } m.parameters < 1e-2)
# expect: true
print (fd_gap { value_of (ib_irm irm_anneal=0 ib_anneal=0 loss="cross_entropy") } m.parameters < 1e-2)
# expect: true
print (fd_gap { value_of (coral loss="cross_entropy") } m.parameters < 1e-2)
# expect: true
