# stdlib/algorithms.sps: a built-in library of sps defs (loaded into every session like the prelude; see its header).
# The first invariance algorithms: ERM, IRMv1, IGA and ANDMask. Each def returns an algorithm record
#   {name, loss: the objective { m b -> … } or { m bs l -> … }, per_env, hparams}
# for `fit m d algo=(irm lambda=100 anneal=500)`. The objectives are written with the differentiable language
# (grad … create=true for penalties built from gradients), so they read as the papers' formulas.
# Every algorithm takes loss= the base loss by name: "mse" (regression), "bce_logits" (0/1 labels, one logit),
# "cross_entropy" (class labels, one logit per class).

# the base loss of a model on a batch, by name (mse, bce_logits or cross_entropy)
# @topic invariance
# @param m Model: the model
# @param b Batch or record: a batch (b.x, b.y)
# @keyword loss string: "mse", "bce_logits" or "cross_entropy"
# @example fit m train loss={ m b -> risk m b loss="mse" }
def risk m b loss="mse" {
  if loss == "mse" { return mse (m b.x) b.y }
  if loss == "bce_logits" { return bce_logits (m b.x) b.y }
  if loss == "cross_entropy" { return cross_entropy (m b.x) b.y }
  error "loss must be \"mse\", \"bce_logits\" or \"cross_entropy\", got \"{loss}\""
}

# empirical risk minimization: the loss of all environments pooled, min E[ℓ(f(x), y)] (Vapnik 1992)
# The baseline every invariance method is compared with: it ignores the environment tags.
# @topic invariance
# @keyword loss string: the base loss ("mse", "bce_logits" or "cross_entropy")
# @example fit m train algo=erm epochs=2
# @example fit m train algo=(erm loss="mse") epochs=2
def erm loss="mse" {
  return {name: "erm", loss: { m b -> risk m b loss=loss }, per_env: false, hparams: {loss: loss}}
}

# IRMv1: mean_e R_e + λ·Σ_e |∇_{w=1} R_e(w·f)|² (Arjovsky, Bottou, Gulrajani, Lopez-Paz 2019, arXiv 1907.02893)
# Invariant risk minimization's practical form: the gradient of each environment's risk with respect to a dummy
# scale w=1 on the model's output is zero when the output is optimal in every environment at once.
# variant="domainbed" (default) follows DomainBed's IRM: the penalty of each environment is the product of the
# gradients on its even and odd rows (an unbiased estimate of the square), averaged over environments, with
# weight 1 for the first anneal= steps and lambda after; at step anneal the optimizer restarts (`reset_optim`),
# as DomainBed does, because Adam does not like the jump in the gradients' size.
# variant="iut" follows InvarianceUnitTests (Aubin et al. 2021): (1−λ)·mean_e R_e + λ·Σ_e (|∂R_e/∂w|² +
# |∂R_e/∂c|²), with a dummy scale w=1 and a dummy shift c=0 on the output, λ in [0, 1], no annealing.
# @topic invariance
# @keyword lambda number: the penalty's weight (after annealing; in [0, 1] with variant="iut")
# @keyword anneal integer (steps): steps with penalty weight 1 before lambda applies (domainbed variant)
# @keyword loss string: the base loss ("mse", "bce_logits" or "cross_entropy")
# @keyword variant string: "domainbed" or "iut"
# @example fit m train algo=(irm lambda=100 anneal=500) epochs=5
# @example fit m train algo=(irm lambda=0.9 variant="iut") epochs=5
def irm lambda=100 anneal=500 loss="mse" variant="domainbed" {
  if variant != "domainbed" and variant != "iut" { error "variant must be \"domainbed\" or \"iut\", got \"{variant}\"" }
  if anneal < 0 { error "anneal must be >= 0, got {anneal}" }
  if variant == "iut" and (lambda < 0 or lambda > 1) {
    error "with variant=\"iut\" lambda weighs (1−λ)·risk + λ·penalty: it must be in [0, 1], got {lambda}"
  }
  risk_of = { out y ->
    if loss == "mse" { return mse out y }
    if loss == "bce_logits" { return bce_logits out y }
    return cross_entropy out y
  }
  w_scale = param 1.0
  c_shift = param 0.0
  if variant == "iut" {
    obj = { m bs ->
      risks = []
      penalty = 0
      for b in bs {
        r = risk_of ((m b.x) * w_scale + c_shift) b.y
        g = grad r [w_scale, c_shift] create=true
        penalty = penalty + sum (g[0] ** 2) + sum (g[1] ** 2)
        risks = append risks r
      }
      return (1 - lambda) * mean (stack risks) + lambda * penalty
    }
    return {name: "irm", loss: obj, per_env: true, hparams: {lambda: lambda, loss: loss, variant: variant}}
  }
  obj = { m bs l ->
    risks = []
    penalties = []
    for b in bs {
      out = m b.x
      even = arange 0 b.n 2
      odd = arange 1 b.n 2
      g1 = grad (risk_of (out[even] * w_scale) b.y[even]) w_scale create=true
      g2 = grad (risk_of (out[odd] * w_scale) b.y[odd]) w_scale create=true
      penalties = append penalties (sum (g1 * g2))
      risks = append risks (risk_of out b.y)
    }
    weight = 1
    if l.step >= anneal { weight = lambda }
    if anneal > 0 and l.step == anneal { reset_optim l }
    return mean (stack risks) + weight * mean (stack penalties)
  }
  hparams = {lambda: lambda, anneal: anneal, loss: loss, variant: variant}
  return {name: "irm", loss: obj, per_env: true, hparams: hparams}
}

# IGA: mean_e R_e + λ·Σ_e |∇_θ R_e − ∇_θ mean_e R_e|² (Koyama and Yamaguchi 2020, arXiv 2008.01883)
# Inter-environmental gradient alignment: the variance across environments of the risks' gradients with
# respect to every parameter θ of the model, differentiated again (create=true), as InvarianceUnitTests does.
# @topic invariance
# @keyword lambda number: the penalty's weight
# @keyword loss string: the base loss ("mse", "bce_logits" or "cross_entropy")
# @example fit m train algo=(iga lambda=1000) epochs=5
def iga lambda=1000 loss="mse" {
  obj = { m bs ->
    risks = []
    grads = []
    for b in bs {
      r = risk m b loss=loss
      risks = append risks r
      grads = append grads (grad r m create=true)
    }
    penalty = 0
    for k in 0..<(len grads[0]) {
      avg = grads[0][k]
      for g in grads[1..] { avg = avg + g[k] }
      avg = avg / (len grads)
      for g in grads { penalty = penalty + sum ((g[k] - avg) ** 2) }
    }
    return mean (stack risks) + lambda * penalty
  }
  return {name: "iga", loss: obj, per_env: true, hparams: {lambda: lambda, loss: loss}}
}

# ANDMask: step along mean_e ∇R_e only where the environments' gradient signs agree (Parascandolo et al. 2021)
# "Learning explanations that are hard to vary" (arXiv 2009.00329): each parameter's mean gradient over the
# environments is masked to zero where fewer than a share tau of the environments agree on its sign.
# The objective is a surrogate: its value is the mean risk and its gradient the masked one (see
# docs/invariance.md), so train it with plain sgd to take the paper's step.
# variant="iut" (default) is InvarianceUnitTests' version: the weight's gradient (the first parameter's) is
# divided by its norm in each environment (a zero gradient stays zero; IUT's code makes it NaN), and the mask
# keeps |Σ_e sign(g_e)| > tau·(environments).
# variant="domainbed" is DomainBed's: the mask keeps |mean_e sign(g_e)| ≥ tau and the masked gradient is divided
# by the share of the parameter's entries kept.
# @topic invariance
# @keyword tau number: the share of environments that must agree, in [0, 1]
# @keyword loss string: the base loss ("mse", "bce_logits" or "cross_entropy")
# @keyword variant string: "iut" or "domainbed"
# @example fit m train algo=(andmask tau=0.9) optim=(sgd lr=0.1) epochs=5
def andmask tau=0.9 loss="mse" variant="iut" {
  if variant != "domainbed" and variant != "iut" { error "variant must be \"iut\" or \"domainbed\", got \"{variant}\"" }
  if tau < 0 or tau > 1 { error "tau must be in [0, 1], got {tau}" }
  obj = { m bs ->
    risks = []
    grads = []
    for b in bs {
      r = risk m b loss=loss
      risks = append risks r
      grads = append grads (grad r m)
    }
    ne = len grads
    ps = m.parameters
    surrogate = 0
    for k in 0..<(len ps) {
      gs = map grads { g -> g[k] }
      if variant == "iut" and k == 0 {
        normed = []
        for g in gs {
          size = norm g
          if size > 0 { g = g / size }
          normed = append normed g
        }
        gs = normed
      }
      ge = stack gs
      agree = abs (sum (sign ge) axis=0)
      masked = 0
      if variant == "iut" {
        masked = (agree > ne * tau) * (mean ge axis=0)
      } else {
        keep = (agree / ne) >= tau
        masked = keep * (mean ge axis=0) / (1e-10 + mean keep)
      }
      surrogate = surrogate + sum (ps[k] * masked)
    }
    return detach (mean (stack risks)) + surrogate - detach surrogate
  }
  return {name: "andmask", loss: obj, per_env: true, hparams: {tau: tau, loss: loss, variant: variant}}
}
