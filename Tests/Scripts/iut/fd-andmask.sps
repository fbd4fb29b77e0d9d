# ANDMask's surrogate objective: its value is the mean risk, and its gradient is the masked mean of the
# environments' gradients, rebuilt here from central differences of each environment's risk (first order):
# IUT's variant normalizes the weight's gradient per environment and keeps entries where all signs agree;
# DomainBed's keeps |mean sign| ≥ tau and rescales by the share kept.
seed 0
def num x {
  if (type x) == "number" { return x }
  return sum (detach x)
}
def batches d {
  return map [0, 1, 2] { e -> {x: d.train[d.train.env == e].X, y: d.train[d.train.env == e].Y, n: 40} }
}
# central-difference gradient of f over the weight's 10 entries and the bias: a list of 11 numbers
def fd_grad f m {
  W = m.parameters[0]
  B = m.parameters[1]
  h = 0.01
  out = []
  for j in 0..<11 {
    nudge = { t ->
      if j < 10 { W[0, j] = W[0, j] + t } else { B[0] = B[0] + t }
    }
    nudge h
    up = num (f())
    nudge (-2 * h)
    dn = num (f())
    nudge h
    out = append out ((up - dn) / (2 * h))
  }
  return tensor out
}
def check d base tau {
  m = linear 10 1
  bs = batches d
  obj = (andmask tau=tau loss=base).loss
  risk_e = map bs { b -> fd_grad { -> risk m b loss=base } m }
  # the weight's part normalized per environment (IUT), the bias's not
  normed = map risk_e { g -> concat (g[..<10] / (norm g[..<10])) g[10..] }
  ge = stack normed
  agree = abs (sum (sign ge) axis=0)
  expected = (agree > 3 * tau) * (mean ge axis=0)
  value = obj m bs
  g = grad value m
  got = concat (reshape g[0] [10]) g[1]
  mean_risk = mean (stack (map bs { b -> risk m b loss=base }))
  masked_some = (sum (expected == 0)) > 0 and (sum (expected != 0)) > 0
  # DomainBed's variant: no normalization, |mean sign| ≥ tau, rescaled by the share of entries kept (per param)
  dobj = (andmask tau=tau loss=base variant="domainbed").loss
  raw = stack risk_e
  keep = ((abs (sum (sign raw) axis=0)) / 3) >= tau
  avg = mean raw axis=0
  kw = keep[..<10]
  kb = keep[10..]
  dexp = concat (kw * avg[..<10] / (1e-10 + mean kw)) (kb * avg[10..] / (1e-10 + mean kb))
  dg = grad (dobj m bs) m
  dgot = concat (reshape dg[0] [10]) dg[1]
  value_ok = (abs ((num value) - (num mean_risk))) < 1e-5
  return [value_ok, (max (abs (got - expected))) < 1e-3, masked_some, (max (abs (dgot - dexp))) < 1e-3]
}
# expect: 1 [true, true, true, true]
# expect: 2 [true, true, true, true]
# expect: 3 [true, true, true, true]
for ex in [1, 2, 3] {
  d = iut ex n=40
  base = "bce_logits"
  if ex == 1 { base = "mse" }
  print ex (check d base 0.9)
}
