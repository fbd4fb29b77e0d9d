# The linear IRM objective (error + penalty built from a gradient taken with create=true): its gradient with respect
# to phi matches central differences of its value (first order), and the gradient of its gradient along a direction
# matches central differences of the gradient (second order). Relative errors against 1 + |autodiff|.
seed 0
sem = chain_sem 4 hidden=true
envs = chain_envs sem n=200 scales=[0.5, 1.0, 2.0]
ms = chain_moments envs[..-2]
reg = tensor [0, 0.3]
w = param (ones 2 2 1 4)
flat = reshape (eye 4) [16]
flat = (vstack flat flat + 0.2 * randn 2 16)
flat = reshape flat [32]
def objective x { sum (detach (irm_linear_objective (param (reshape x [2, 4, 4])) w ms reg).objective) }
def gradient x {
  p = param (reshape x [2, 4, 4])
  detach (reshape (grad (irm_linear_objective p w ms reg).objective p) [32])
}
direction = randn 32
pf = param flat
grad1 = reshape (grad (irm_linear_objective (reshape pf [2, 4, 4]) w ms reg).objective pf create=true) [32]
hv = grad (sum (grad1 * direction)) pf
grad1d = detach grad1
h = 3e-3
worst1 = 0
worst2 = 0
for i in 0..<32 {
  up = flat + 0
  up[i] = up[i] + h
  dn = flat + 0
  dn[i] = dn[i] - h
  fd1 = ((objective up) - (objective dn)) / (2 * h)
  fd2 = ((sum ((gradient up) * direction)) - (sum ((gradient dn) * direction))) / (2 * h)
  a1 = grad1d[i]
  a2 = hv[i]
  worst1 = max worst1 ((abs (fd1 - a1)) / (1 + abs a1))
  worst2 = max worst2 ((abs (fd2 - a2)) / (1 + abs a2))
}
# expect: true true
print (worst1 < 0.01) (worst2 < 0.01)
# the penalty is not trivially zero here (so the check is not vacuous)
obj = irm_linear_objective (param (reshape flat [2, 4, 4])) w ms reg
# expect: true
print ((min (detach obj.penalty)) > 0.01)
