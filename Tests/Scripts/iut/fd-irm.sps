# IRMv1's objective (both variants, regression and classification; the domainbed one at a step after
# annealing): its gradient matches central differences of its value (first order), and the gradient of its
# gradient matches central differences of the gradient (second order: the penalty is built from gradients
# taken with create=true).
seed 0
def batches d {
  return map [0, 1, 2] { e -> {x: d.train[d.train.env == e].X, y: d.train[d.train.env == e].Y, n: 40} }
}
# a plain number from a number or a one-element tensor (with or without gradients)
def num x {
  if (type x) == "number" { return x }
  return sum (detach x)
}
# relative error of autodiff vs central differences over every entry of the weight and the bias; the second
# order checks the gradient of v·∇f (a Hessian-vector product) against central differences of v·∇f
def check obj m bs {
  f = { -> obj m bs }
  g = grad (f()) m create=true
  v = randn 1 10
  hv = grad (sum (g[0] * v)) m
  W = m.parameters[0]
  B = m.parameters[1]
  h = 0.01
  worst1 = 0
  worst2 = 0
  for j in 0..<11 {
    nudge = { t ->
      if j < 10 { W[0, j] = W[0, j] + t } else { B[0] = B[0] + t }
    }
    at = { t ->
      if j < 10 { return num t[0][0, j] }
      num t[1][0]
    }
    nudge h
    up = num (f())
    gu = num (sum ((grad (f()) m)[0] * v))
    nudge (-2 * h)
    dn = num (f())
    gd = num (sum ((grad (f()) m)[0] * v))
    nudge h
    a1 = at g
    a2 = at hv
    worst1 = max worst1 ((abs ((up - dn) / (2 * h) - a1)) / (1 + abs a1))
    worst2 = max worst2 ((abs ((gu - gd) / (2 * h) - a2)) / (1 + abs a2))
  }
  return [worst1 < 0.01, worst2 < 0.01]
}
# expect: 1 [true, true] [true, true]
# expect: 2 [true, true] [true, true]
# expect: 3 [true, true] [true, true]
for ex in [1, 2, 3] {
  d = iut ex n=40
  base = "bce_logits"
  if ex == 1 { base = "mse" }
  m = linear 10 1
  iut_obj = (irm lambda=0.7 variant="iut" loss=base).loss
  db = (irm lambda=10 anneal=0 loss=base).loss
  db_obj = { m bs -> db m bs {step: 0} }
  print ex (check iut_obj m (batches d)) (check db_obj m (batches d))
}
