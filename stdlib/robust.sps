# stdlib/robust.sps: a built-in library of sps defs (loaded into every session like the prelude; see its header).
#
# The robust objectives of the invariance kit beyond ERM/IRM/IGA/ANDMask (stdlib/algorithms.sps): V-REx, GroupDRO,
# EQRM, Fish, Fishr, inter-environment Mixup, CORAL, MMD, IB-ERM and IB-IRM, each following DomainBed's
# implementation (domainbed/algorithms.py; defaults from hparams_registry.py). Each algorithm def returns the record
#   { name: …, loss: { m bs l -> … }, per_env: true, hparams: { … } }
# that `fit m d algo=(vrex lambda=10)` and `loop m d algo=…` take: the objective gets the model, the list of
# per-environment batches and the loop (l.step counts the optimizer steps taken before this one). State kept
# across steps (GroupDRO's q, Fishr's moving averages, Fish's inner optimizer) lives in variables of the def that
# the objective assigns; it starts afresh at a loop's first step (l.step == 0), so one algorithm record can train
# several models. docs/invariance.md gives every formula and reference.

# the base loss of predictions and targets: by name ("mse", "bce_logits", "cross_entropy") or a command or def
# What the robust algorithms' loss= takes, as stdlib/algorithms.sps's `risk` does for a model and a batch; a
# command or def of the predictions and the targets works too (loss=huber, loss={ p y -> mean (abs (p - y)) }).
# @topic invariance
# @param out tensor: the predictions (logits for the classification losses)
# @param y tensor: the targets
# @keyword loss string or command: "mse", "bce_logits", "cross_entropy", or a command of (predictions, targets)
# @example base_loss (tensor [1, 2]) (tensor [1, 3]) loss="mse"
def base_loss out y loss="mse" {
  if type loss != "string" { return loss out y }
  if loss == "mse" { return mse out y }
  if loss == "bce_logits" { return bce_logits out y }
  if loss == "cross_entropy" { return cross_entropy out y }
  error "loss must be \"mse\", \"bce_logits\", \"cross_entropy\" or a command, got \"{loss}\""
}

# a model's featurizer and classifier as blocks: { featurizer: { x -> h }, classifier: { h -> out } }
# The split `features` uses: the classifier is the last layer with params and the layers after it. Applying the
# featurizer and then the classifier is applying the model (`parts.classifier (parts.featurizer x)` is `m x`),
# so an objective that needs features and predictions computes the features once. A model written as one def
# (`model f params=…`) is all classifier, its features its inputs: build it with `sequential` to name the parts.
# @topic invariance
# @param m Model: a model made of layers
# @example parts = model_parts (mlp 3 [16] 1)
# @example out = parts.classifier (parts.featurizer (randn 5 3))
def model_parts m {
  layers = m.layers
  k = len layers - 1
  while k > 0 and len layers[k].parameters == 0 { k = k - 1 }
  count = len layers
  featurizer = { x ->
    h = x
    for i in 0..<k { h = layers[i] h }
    return h
  }
  classifier = { h ->
    z = h
    for i in k..<count { z = layers[i] z }
    return z
  }
  return { featurizer: featurizer, classifier: classifier, split: k }
}

# the penultimate features of a model: its layers before the last one with params
# A model made of layers (`mlp`, `sequential`, `linear`) is split at its last layer with params: that layer and
# what follows it are the classifier, the layers before it the featurizer. For `mlp 3 [16, 16] 1` the features
# are the 16 activations after the second ReLU; for a linear model they are the inputs themselves. CORAL, MMD,
# IB-ERM and IB-IRM regularize these features; they carry gradients to the featurizer's params.
# @topic invariance
# @param m Model: a model made of layers
# @param x tensor: the inputs (rows × features)
# @example m = mlp 3 [16] 1
# @example h = features m (randn 5 3)
def features m x {
  parts = model_parts m
  return parts.featurizer x
}

# V-REx: the mean of the environments' risks plus lambda times their variance
# Krueger et al., "Out-of-Distribution Generalization via Risk Extrapolation (REx)", ICML 2021. As DomainBed's
# VREx: the penalty weight is 1 for the first `anneal` steps and lambda after, and the optimizer starts afresh
# (reset_optim) at the step the weight jumps. The variance is the population variance (ddof=0).
# @topic invariance
# @keyword lambda number: the penalty weight after annealing (DomainBed: 10)
# @keyword anneal integer (steps): steps with weight 1 before lambda applies (DomainBed: 500)
# @keyword loss string or command: the base loss ("mse", "bce_logits", "cross_entropy"; see base_loss)
# @example fit m train algo=(vrex lambda=10 anneal=0) epochs=1
def vrex lambda=10 anneal=500 loss="mse" {
  objective = { m bs l ->
    risks = stack (map bs { b -> base_loss (m b.x) b.y loss=loss })
    weight = 1
    if l.step >= anneal { weight = lambda }
    if l.step == anneal { reset_optim l }
    return mean risks + weight * var risks ddof=0
  }
  return { name: "vrex", loss: objective, per_env: true, hparams: { lambda: lambda, anneal: anneal, loss: loss } }
}

# GroupDRO: the environments' risks weighted by q, which grows exponentially on the worst ones
# Sagawa et al., "Distributionally Robust Neural Networks for Group Shifts", ICLR 2020 (Algorithm 1). As
# DomainBed's GroupDRO: q starts uniform, each step q_e ← q_e · exp(eta · risk_e) (risks detached), q ← q / sum q,
# and the objective is sum_e q_e · risk_e. q is kept across steps (and starts afresh at a loop's first step);
# `l.algo.q()` gives its current value.
# @topic invariance
# @keyword eta number: the step size of q (DomainBed: 0.01)
# @keyword loss string or command: the base loss ("mse", "bce_logits", "cross_entropy"; see base_loss)
# @example fit m train algo=(groupdro eta=0.1) epochs=1
def groupdro eta=0.01 loss="mse" {
  q = nil
  algorithm = { name: "groupdro", per_env: true, hparams: { eta: eta, loss: loss }, q: { q } }
  objective = { m bs l ->
    risks = stack (map bs { b -> base_loss (m b.x) b.y loss=loss })
    if l.step == 0 or type q == "nil" { q = ones (len bs) }
    if len q != len bs { error "groupdro: the data has {len bs} environments, q has {len q}" }
    q = q * exp (eta * detach risks)
    q = q / sum q
    return sum (q * risks)
  }
  algorithm.loss = objective
  return algorithm
}

# the alpha-quantile of values under a Gaussian kernel density estimate, differentiable in the values
# As DomainBed's EQRM (its Nonparametric distribution): bandwidth h = 1.06 · std(values) · n^(-1/5) (Gauss-
# optimal, std with ddof=1), and the quantile q solves mean_i Φ((q − v_i)/h) = alpha, found by search. Its
# gradient is the exact one of that equation (implicit differentiation): dq/dv_i = φ_i / sum_j φ_j and
# dq/dh = sum_i φ_i z_i / sum_j φ_j with z_i = (q − v_i)/h, φ_i = exp(−z_i²/2). DomainBed's bisection passes
# gradients only through the extreme values and h; the values agree.
# A negative alpha is DomainBed's form for quantiles too close to 1 for a search: alpha = log(1 − q) (so −4.6 is
# q = 0.99, −9.2 is q = 0.9999), and the quantile is the tail approximation mean_i (v_i + h √(−2 alpha)) of the
# inverse normal CDF; as alpha → −∞ it grows without bound, weighting the worst environment ever more.
# @topic invariance
# @param values tensor: a vector of at least 2 values (the environments' risks)
# @param alpha number: the quantile, in (0, 1); or log(1 − quantile), below 0, for quantiles very near 1
# @example kde_quantile (tensor [1, 2, 3, 4]) 0.75
# @example kde_quantile (tensor [1, 2, 3, 4]) (log 1e-4)
def kde_quantile values alpha {
  if alpha == 0 or alpha >= 1 { error "alpha must be in (0, 1), or below 0 for log(1 − quantile), got {alpha}" }
  v = detach values
  n = v.count
  if n < 2 { error "the KDE quantile needs at least 2 values (environments), got {n}" }
  h = 1.06 * (std values ddof=1) / n ** 0.2
  if alpha < 0 { return mean (values + h * sqrt (-2 * alpha)) }
  hv = h
  if type h != "number" { hv = sum (detach h) }
  if hv <= 0 { return mean values }
  lo = min v - 10 * hv
  hi = max v + 10 * hv
  for pass in 0..<5 {
    points = linspace lo hi 65
    z = (reshape points [65, 1] - reshape v [1, n]) / hv
    t = 1 / (1 + 0.3275911 * abs z / sqrt 2)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = sign z * (1 - poly * exp (-(z ** 2) / 2))
    cdf = mean ((1 + erf) / 2) axis=1
    j = sum (cdf < alpha)
    if j < 1 { j = 1 }
    if j > 64 { j = 64 }
    lo = points[j - 1]
    hi = points[j]
  }
  qstar = (lo + hi) / 2
  z = (qstar - v) / hv
  phi = exp (-(z ** 2) / 2)
  w = phi / sum phi
  dh = sum (phi * z) / sum phi
  return qstar + sum (w * (values - v)) + dh * (h - hv)
}

# EQRM: ERM for a burn-in, then the alpha-quantile of the environments' risks (a KDE estimate)
# Eastwood et al., "Probable Domain Generalization via Quantile Risk Minimization", NeurIPS 2022 (Algorithm 1).
# As DomainBed's EQRM: the mean risk for the first `burnin` steps, then kde_quantile of the risks; the optimizer
# starts afresh at the end of the burn-in, with learning rate lr= when given (DomainBed: 1e-6, for pretrained
# image networks; by default the loop's own rate stays).
# @topic invariance
# @keyword alpha number: the quantile of the risks to minimize, in (0, 1) (DomainBed: 0.75); below 0, log(1 − quantile) for quantiles very near 1 (see kde_quantile)
# @keyword burnin integer (steps): ERM steps before the quantile (DomainBed: 2500)
# @keyword lr number or nil: the learning rate after the burn-in (nil: keep the loop's)
# @keyword loss string or command: the base loss ("mse", "bce_logits", "cross_entropy"; see base_loss)
# @example fit m train algo=(eqrm alpha=0.9 burnin=2) epochs=1
def eqrm alpha=0.75 burnin=2500 lr=nil loss="mse" {
  if alpha == 0 or alpha >= 1 { error "alpha must be in (0, 1), or below 0 for log(1 − quantile), got {alpha}" }
  objective = { m bs l ->
    risks = stack (map bs { b -> base_loss (m b.x) b.y loss=loss })
    if l.step == burnin {
      reset_optim l
      if type lr != "nil" { l.lr = lr }
    }
    if l.step < burnin { return mean risks }
    return kde_quantile risks alpha
  }
  return { name: "eqrm", loss: objective, per_env: true, hparams: { alpha: alpha, burnin: burnin, lr: lr, loss: loss } }
}

# Fish: an inner Adam pass over the environments one after another, then a step toward its end point
# Shi et al., "Gradient Matching for Domain Generalization", ICLR 2022 (Algorithm 1). As DomainBed's Fish: a
# copy θ̃ of the params takes one Adam step (rate inner_lr; its moments kept across steps) on each environment's
# batch in turn, and the params move by meta_lr · (θ̃ − θ). inner="sgd" takes plain gradient steps instead, as
# the paper's Algorithm 1 writes it. The objective is a surrogate: its value is the mean
# risk at θ and its gradient is (meta_lr / l.lr) · (θ − θ̃), so `optim=(sgd lr=…)` (any rate) takes exactly
# DomainBed's step θ ← θ + meta_lr · (θ̃ − θ); another optimizer takes its own step along that direction.
# The inner copy is `copy m`, so a model written in sps must take its params as arguments (see copy).
# @topic invariance
# @keyword meta_lr number: the fraction of the way to the inner end point (DomainBed: 0.5)
# @keyword inner_lr number: the inner optimizer's learning rate (DomainBed: its lr, 1e-3)
# @keyword inner string: the inner optimizer, "adam" (DomainBed) or "sgd" (the paper's Algorithm 1)
# @keyword loss string or command: the base loss ("mse", "bce_logits", "cross_entropy"; see base_loss)
# @example fit m train algo=(fish meta_lr=0.5) optim=(sgd lr=1) epochs=1
# @example fit m train algo=(fish meta_lr=0.5 inner="sgd" inner_lr=0.01) optim=(sgd lr=1) epochs=1
def fish meta_lr=0.5 inner_lr=1e-3 inner="adam" loss="mse" {
  if inner != "adam" and inner != "sgd" { error "inner must be \"adam\" or \"sgd\", got \"{inner}\"" }
  twin = nil
  moments = []
  squares = []
  t = 0
  objective = { m bs l ->
    params = m.parameters
    if l.step == 0 or type twin == "nil" {
      twin = copy m
      moments = []
      squares = []
      t = 0
      for p in params {
        moments = append moments (zeros p.shape)
        squares = append squares (zeros p.shape)
      }
    }
    copies = twin.parameters
    for k in 0..<(len params) {
      c = copies[k]
      c[0..<c.shape[0]] = detach params[k]
    }
    for b in bs {
      gs = grad (base_loss (twin b.x) b.y loss=loss) twin
      t = t + 1
      for k in 0..<(len copies) {
        delta = inner_lr * gs[k]
        if inner == "adam" {
          moments[k] = 0.9 * moments[k] + 0.1 * gs[k]
          squares[k] = 0.999 * squares[k] + 0.001 * gs[k] ** 2
          delta = inner_lr * (moments[k] / (1 - 0.9 ** t)) / (sqrt (squares[k] / (1 - 0.999 ** t)) + 1e-8)
        }
        c = copies[k]
        c[0..<c.shape[0]] = detach c - delta
      }
    }
    risk = mean (stack (map bs { b -> base_loss (m b.x) b.y loss=loss }))
    factor = meta_lr / l.lr
    surrogate = 0
    for k in 0..<(len params) {
      direction = factor * (detach params[k] - detach copies[k])
      surrogate = surrogate + sum (params[k] * direction) - sum (detach params[k] * direction)
    }
    return detach risk + surrogate
  }
  return { name: "fish", loss: objective, per_env: true, hparams: { meta_lr: meta_lr, inner_lr: inner_lr, inner: inner, loss: loss } }
}

# Fishr: the risk plus lambda times the spread across environments of the variance of per-sample gradients
# Rame et al., "Fishr: Invariant Gradient Variances for Out-of-Distribution Generalization", ICML 2022. As
# DomainBed's Fishr: per-sample gradients of the classifier's params (the last layer with params; see
# model_parts), their variance over each environment's batch, smoothed by an exponential moving average (ema,
# divided by 1 − ema), and the penalty is the mean over environments of the mean squared distance to the
# environments' average. The risk is the mean over all rows; the weight is 0 for the first `anneal` steps, then
# lambda, and the optimizer starts afresh then. `l.algo.penalty()` gives the last penalty. The classifier must
# be one linear layer followed by activations.
# @topic invariance
# @keyword lambda number: the penalty weight after annealing (DomainBed: 1000)
# @keyword anneal integer (steps): steps with weight 0 (DomainBed: 1500)
# @keyword ema number: the moving average's decay, in [0, 1) (DomainBed: 0.95)
# @keyword loss string or command: the base loss, a mean over rows ("mse", "bce_logits", "cross_entropy")
# @example fit m train algo=(fishr lambda=10 anneal=0) epochs=1
def fishr lambda=1000 anneal=1500 ema=0.95 loss="mse" {
  if ema < 0 or ema >= 1 { error "ema must be in [0, 1), got {ema}" }
  averages = nil
  last = nil
  algorithm = { name: "fishr", per_env: true, hparams: { lambda: lambda, anneal: anneal, ema: ema, loss: loss }, penalty: { last } }
  objective = { m bs l ->
    layers = m.layers
    parts = model_parts m
    k = parts.split
    count = len layers
    if l.step == 0 or type averages == "nil" { averages = map bs { b -> nil } }
    if len averages != len bs { error "fishr: the data has {len bs} environments, the averages {len averages}" }
    total = 0
    rows = 0
    variances = []
    for e in 0..<(len bs) {
      b = bs[e]
      h = parts.featurizer b.x
      z = layers[k] h
      out = z
      for i in (k + 1)..<count { out = layers[i] out }
      risk = base_loss out b.y loss=loss
      total = total + b.n * risk
      rows = rows + b.n
      g = grad (b.n * risk) z create=true
      outs = g.count / b.n
      width = h.count / b.n
      head = layers[k].parameters
      if len head != 2 or head[0].shape != [outs, width] {
        error "fishr needs a classifier that is one linear layer (a weight and a bias) on the features, as mlp and sequential have; this model's last layer with params is not"
      }
      g = reshape g [b.n, outs]
      per = reshape (reshape g [b.n, outs, 1] * reshape h [b.n, 1, width]) [b.n, outs * width]
      samples = hstack per g
      centered = samples - mean samples axis=0
      v = mean (centered ** 2) axis=0
      previous = averages[e]
      smoothed = (1 - ema) * v
      if type previous != "nil" { smoothed = ema * previous + smoothed }
      averages[e] = detach smoothed
      variances = append variances (smoothed / (1 - ema))
    }
    stacked = stack variances
    centre = mean stacked axis=0
    penalty = mean (mean ((stacked - centre) ** 2) axis=1)
    last = sum (detach penalty)
    weight = 0
    if l.step >= anneal { weight = lambda }
    if l.step == anneal and anneal != 0 { reset_optim l }
    return total / rows + weight * penalty
  }
  algorithm.loss = objective
  return algorithm
}

# a draw from the Beta(a, b) distribution, from the session's random stream
# Marsaglia and Tsang's gamma sampler (with the a < 1 boost) for X ~ Gamma(a) and Y ~ Gamma(b), then X/(X+Y).
# Inter-environment Mixup draws its mixing weight from Beta(alpha, alpha).
# @topic invariance
# @param a number: the first shape, > 0
# @param b number: the second shape, > 0
# @example beta_draw 0.2 0.2
def beta_draw a b {
  if a <= 0 or b <= 0 { error "Beta needs shapes > 0, got {a} and {b}" }
  draws = []
  for shape in [a, b] {
    boost = 1
    s = shape
    if s < 1 {
      boost = (rand 1)[0] ** (1 / s)
      s = s + 1
    }
    d = s - 1 / 3
    c = 1 / sqrt (9 * d)
    value = nil
    tries = 0
    while type value == "nil" {
      tries = tries + 1
      if tries > 1000 { error "beta_draw: the gamma sampler did not accept a draw" }
      x = (randn 1)[0]
      u = (rand 1)[0]
      v = (1 + c * x) ** 3
      if v > 0 and log (max [u, 1e-300]) < x * x / 2 + d - d * v + d * log v { value = d * v }
    }
    draws = append draws (value * boost)
  }
  total = draws[0] + draws[1]
  if total <= 0 { return 0.5 }
  return draws[0] / total
}

# inter-environment Mixup: the risk on convex combinations of pairs of environments' batches
# Xu et al., "Adversarial Domain Adaptation with Domain Mixup", AAAI 2020; Yan et al., "Improve Unsupervised
# Domain Adaptation with Mixup Training", 2020; Wang et al. 2020. As DomainBed's Mixup: the environments in a
# random order, each paired with the next (the last with the first), lam ~ Beta(alpha, alpha) per pair,
# x = lam · x_i + (1 − lam) · x_j (the first min(n_i, n_j) rows) and the risk lam · L(m x, y_i) + (1 − lam) ·
# L(m x, y_j), averaged over the pairs.
# @topic invariance
# @keyword alpha number: the Beta distribution's shape (DomainBed: 0.2)
# @keyword loss string or command: the base loss ("mse", "bce_logits", "cross_entropy"; see base_loss)
# @example fit m train algo=(mixup alpha=0.2) epochs=1
def mixup alpha=0.2 loss="mse" {
  if alpha <= 0 { error "alpha must be > 0, got {alpha}" }
  objective = { m bs l ->
    count = len bs
    order = permutation count
    total = 0
    for i in 0..<count {
      j = i + 1
      if j == count { j = 0 }
      bi = bs[order[i]]
      bj = bs[order[j]]
      n = min [bi.n, bj.n]
      lam = beta_draw alpha alpha
      x = lam * bi.x[0..<n] + (1 - lam) * bj.x[0..<n]
      out = m x
      total = total + lam * base_loss out bi.y[0..<n] loss=loss + (1 - lam) * base_loss out bj.y[0..<n] loss=loss
    }
    return total / count
  }
  return { name: "mixup", loss: objective, per_env: true, hparams: { alpha: alpha, loss: loss } }
}

# the CORAL distance of two sets of features: squared differences of their means and covariances
# As DomainBed's CORAL (AbstractMMD with the mean_cov kernel): mean((μ_x − μ_y)²) + mean((C_x − C_y)²), with the
# covariances C taken with ddof=1.
# @topic invariance
# @param x tensor: features (rows × d)
# @param y tensor: features (rows × d)
# @example coral_distance (randn 50 4) (randn 40 4 + 1)
def coral_distance x y {
  mx = mean x axis=0
  my = mean y axis=0
  cx = x - mx
  cy = y - my
  covx = cx.T @ cx / (x.shape[0] - 1)
  covy = cy.T @ cy / (y.shape[0] - 1)
  return mean ((mx - my) ** 2) + mean ((covx - covy) ** 2)
}

# the MMD of two sets of features under a sum of Gaussian kernels
# As DomainBed's MMD: K(a, b) = sum over γ in [0.001, 0.01, 0.1, 1, 10, 100, 1000] of exp(−γ |a − b|²) (squared
# distances clamped at 1e-30), and MMD = mean K(x, x) + mean K(y, y) − 2 mean K(x, y).
# @topic invariance
# @param x tensor: features (rows × d)
# @param y tensor: features (rows × d)
# @example mmd_distance (randn 50 4) (randn 40 4 + 1)
def mmd_distance x y {
  kernel = { a c ->
    an = sum (a ** 2) axis=1
    cn = sum (c ** 2) axis=1
    d = reshape an [a.shape[0], 1] + reshape cn [1, c.shape[0]] - 2 * (a @ c.T)
    d = maximum d 1e-30
    k = 0
    for g in [0.001, 0.01, 0.1, 1, 10, 100, 1000] { k = k + exp (-g * d) }
    return mean k
  }
  return kernel x x + kernel y y - 2 * kernel x y
}

# CORAL: the mean risk plus gamma times the CORAL distance between every pair of environments' features
# Sun and Saenko, "Deep CORAL: Correlation Alignment for Deep Domain Adaptation", ECCV 2016 workshops. As
# DomainBed's CORAL: the features are the penultimate ones (see `features`), the penalty is coral_distance
# averaged over the pairs of environments.
# @topic invariance
# @keyword gamma number: the penalty weight (DomainBed: 1)
# @keyword loss string or command: the base loss ("mse", "bce_logits", "cross_entropy"; see base_loss)
# @example fit m train algo=(coral gamma=1) epochs=1
def coral gamma=1 loss="mse" {
  objective = { m bs l ->
    parts = model_parts m
    hs = map bs { b -> parts.featurizer b.x }
    count = len bs
    total = 0
    penalty = 0
    for i in 0..<count {
      total = total + base_loss (parts.classifier hs[i]) bs[i].y loss=loss
      for j in (i + 1)..<count { penalty = penalty + coral_distance hs[i] hs[j] }
    }
    if count > 1 { penalty = penalty / (count * (count - 1) / 2) }
    return total / count + gamma * penalty
  }
  return { name: "coral", loss: objective, per_env: true, hparams: { gamma: gamma, loss: loss } }
}

# MMD: the mean risk plus gamma times the Gaussian-kernel MMD between every pair of environments' features
# Li et al., "Domain Generalization with Adversarial Feature Learning", CVPR 2018. As DomainBed's MMD: the
# features are the penultimate ones (see `features`), the penalty is mmd_distance averaged over the pairs.
# @topic invariance
# @keyword gamma number: the penalty weight (DomainBed: 1)
# @keyword loss string or command: the base loss ("mse", "bce_logits", "cross_entropy"; see base_loss)
# @example fit m train algo=(mmd gamma=1) epochs=1
def mmd gamma=1 loss="mse" {
  objective = { m bs l ->
    parts = model_parts m
    hs = map bs { b -> parts.featurizer b.x }
    count = len bs
    total = 0
    penalty = 0
    for i in 0..<count {
      total = total + base_loss (parts.classifier hs[i]) bs[i].y loss=loss
      for j in (i + 1)..<count { penalty = penalty + mmd_distance hs[i] hs[j] }
    }
    if count > 1 { penalty = penalty / (count * (count - 1) / 2) }
    return total / count + gamma * penalty
  }
  return { name: "mmd", loss: objective, per_env: true, hparams: { gamma: gamma, loss: loss } }
}

# the information-bottleneck penalty: the mean over features of their variance over the rows (ddof=1)
# @topic invariance
# @param h tensor: features (rows × d)
# @example ib_penalty (randn 50 4)
def ib_penalty h {
  return mean (var h axis=0 ddof=1)
}

# the IRMv1 penalty of predictions: the product of the gradients of the two halves' risks in a scale on them
# Arjovsky et al., "Invariant Risk Minimization", 2019, as DomainBed computes it: with s = 1, the gradient of
# L(s · out[even rows], y[even rows]) in s times that of L(s · out[odd rows], y[odd rows]) — an unbiased
# estimate of the squared gradient. Its gradient is a gradient of gradients.
# @topic invariance
# @param out tensor: the predictions (logits) of one environment's batch
# @param y tensor: the targets
# @keyword loss string or command: the base loss ("mse", "bce_logits", "cross_entropy"; see base_loss)
# @example irm_half_penalty (param (randn 10)) (randn 10)
def irm_half_penalty out y loss="mse" {
  n = out.shape[0]
  even = arange 0 n 2
  odd = arange 1 n 2
  if odd.count == 0 { error "the IRM penalty needs at least 2 rows, got {n}" }
  s = param 1.0
  g1 = grad (base_loss (out[even] * s) y[even] loss=loss) s create=true
  g2 = grad (base_loss (out[odd] * s) y[odd] loss=loss) s create=true
  return g1 * g2
}

# IB-ERM: the mean risk plus ib_lambda times the variance of the penultimate features, after annealing
# Ahuja et al., "Invariance Principle Meets Information Bottleneck for Out-of-Distribution Generalization",
# NeurIPS 2021. As DomainBed's IB_ERM: the penalty is ib_penalty of each environment's features, averaged; its
# weight is 0 for the first `anneal` steps and ib_lambda after, and the optimizer starts afresh then.
# @topic invariance
# @keyword ib_lambda number: the penalty weight after annealing (DomainBed: 100)
# @keyword anneal integer (steps): steps with weight 0 (DomainBed: 500)
# @keyword loss string or command: the base loss ("mse", "bce_logits", "cross_entropy"; see base_loss)
# @example fit m train algo=(ib_erm ib_lambda=10 anneal=0) epochs=1
def ib_erm ib_lambda=100 anneal=500 loss="mse" {
  objective = { m bs l ->
    parts = model_parts m
    total = 0
    penalty = 0
    for b in bs {
      h = parts.featurizer b.x
      total = total + base_loss (parts.classifier h) b.y loss=loss
      penalty = penalty + ib_penalty h
    }
    weight = 0
    if l.step >= anneal { weight = ib_lambda }
    if l.step == anneal { reset_optim l }
    return (total + weight * penalty) / len bs
  }
  return { name: "ib_erm", loss: objective, per_env: true, hparams: { ib_lambda: ib_lambda, anneal: anneal, loss: loss } }
}

# IB-IRM: IRMv1 plus the information-bottleneck penalty on the penultimate features
# Ahuja et al., NeurIPS 2021. As DomainBed's IB_IRM: the mean risk, plus the IRM penalty (irm_half_penalty,
# averaged over environments) with weight 1 for the first irm_anneal steps and irm_lambda after, plus ib_penalty
# with weight 0 for the first ib_anneal steps and ib_lambda after; the optimizer starts afresh when either
# weight jumps.
# @topic invariance
# @keyword irm_lambda number: the IRM penalty weight after annealing (DomainBed: 100)
# @keyword irm_anneal integer (steps): steps with IRM weight 1 (DomainBed: 500)
# @keyword ib_lambda number: the IB penalty weight after annealing (DomainBed: 100)
# @keyword ib_anneal integer (steps): steps with IB weight 0 (DomainBed: 500)
# @keyword loss string or command: the base loss ("mse", "bce_logits", "cross_entropy"; see base_loss)
# @example fit m train algo=(ib_irm irm_lambda=10 irm_anneal=0 ib_lambda=10 ib_anneal=0) epochs=1
def ib_irm irm_lambda=100 irm_anneal=500 ib_lambda=100 ib_anneal=500 loss="mse" {
  objective = { m bs l ->
    parts = model_parts m
    total = 0
    irm_sum = 0
    ib = 0
    for b in bs {
      h = parts.featurizer b.x
      out = parts.classifier h
      total = total + base_loss out b.y loss=loss
      irm_sum = irm_sum + irm_half_penalty out b.y loss=loss
      ib = ib + ib_penalty h
    }
    irm_weight = 1
    if l.step >= irm_anneal { irm_weight = irm_lambda }
    ib_weight = 0
    if l.step >= ib_anneal { ib_weight = ib_lambda }
    if l.step == irm_anneal or l.step == ib_anneal { reset_optim l }
    return (total + irm_weight * irm_sum + ib_weight * ib) / len bs
  }
  return { name: "ib_irm", loss: objective, per_env: true,
           hparams: { irm_lambda: irm_lambda, irm_anneal: irm_anneal, ib_lambda: ib_lambda, ib_anneal: ib_anneal, loss: loss } }
}
