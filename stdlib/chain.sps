# The IRM paper's synthetic experiment (Arjovsky, Bottou, Gulrajani, Lopez-Paz 2019, "Invariant Risk
# Minimization", section 5.1): the chain structural equation model, and the two invariance methods it compares with
# least squares (ERM): invariant causal prediction (ICP, Peters, Bühlmann, Meinshausen 2016) and the paper's linear
# IRM solver. Each def follows the authors' code (facebookresearch/InvariantRiskMinimization,
# code/experiment_synthetic: sem.py, models.py, main.py); docs/invariance-chain.md describes the experiment and
# stdlib/benchmarks/chain.sps regenerates the paper's table. Only defs and comments (see stdlib/prelude.sps).

# the IRM paper's chain structural equation model x → y → z: a record of its matrices (sample it with chain_sample)
# As sem.py's ChainEquationModel: dim inputs, half of them x (the causes of y) and half z (its effects).
# ones=true sets wxy = wyz = identity (else random, entries randn / dim); hidden=true adds a hidden confounder h
# with random whx, why, whz (else h is x's own noise: whx = identity, why = whz = 0); hetero=true puts the
# environment's scale on y's noise instead of z's; scramble=true rotates the inputs by a random orthogonal matrix
# (the Q of a QR decomposition of a Gaussian matrix). The record holds the matrices, the options, `solution` (the
# causal weights in unscrambled coordinates: ones on the x half, zeros on the z half) and `scramble`.
# The paper's 8 setups are F/P (hidden false/true) × O/E (hetero false/true) × U/S (scramble false/true).
# @topic benchmarks
# @param dim integer: the number of inputs (even; the paper: 10)
# @keyword ones bool: identity weights x → y → z (the paper's setting)
# @keyword scramble bool: rotate the inputs by a random orthogonal matrix
# @keyword hetero bool: heteroskedastic: the environment scales y's noise (else z's)
# @keyword hidden bool: a hidden confounder of x, y and z (partially observed)
# @example sem = chain_sem 10 hidden=true
# @example sem.solution
def chain_sem dim=10 ones=true scramble=false hetero=false hidden=false {
  if dim < 2 or dim % 2 != 0 { error "chain_sem: dim must be an even number >= 2, got {dim}" }
  d = dim / 2
  wxy = eye d
  wyz = eye d
  if not ones {
    wxy = randn d d / dim
    wyz = randn d d / dim
  }
  s = eye dim
  if scramble { s = (qr (randn dim dim)).q }
  whx = eye d
  why = zeros d d
  whz = zeros d d
  if hidden {
    whx = randn d d / dim
    why = randn d d / dim
    whz = randn d d / dim
  }
  solution = vstack (reshape (sum wxy axis=1) [d, 1]) (zeros d 1)
  return {dim: dim, d: d, wxy: wxy, wyz: wyz, whx: whx, why: why, whz: whz, scramble: s, hetero: hetero,
          hidden: hidden, solution: solution}
}

# n samples of one environment of a chain SEM: a record {x, y, env} (x is n × dim, y is n × 1)
# As ChainEquationModel.__call__: h = e·N(0, 1); x = h @ whx + e·N(0, 1); y = x @ wxy + h @ why + noise;
# z = y @ wyz + h @ whz + noise, where the environment's scale e multiplies z's noise (y's when sem.hetero);
# the inputs are [x, z] @ scramble and the target is the sum of y's d coordinates.
# @topic benchmarks
# @param sem record: a model from chain_sem
# @param n integer: the number of samples
# @param e number: the environment's noise scale (the paper: 0.2, 2 and 5)
# @example sem = chain_sem 10
# @example b = chain_sample sem 1000 2.0
def chain_sample sem n e {
  if n < 1 { error "chain_sample: n must be >= 1, got {n}" }
  d = sem.d
  h = randn n d * e
  x = h @ sem.whx + randn n d * e
  y = nil
  z = nil
  if sem.hetero {
    y = x @ sem.wxy + h @ sem.why + randn n d * e
    z = y @ sem.wyz + h @ sem.whz + randn n d
  } else {
    y = x @ sem.wxy + h @ sem.why + randn n d
    z = y @ sem.wyz + h @ sem.whz + randn n d * e
  }
  return {x: (hstack x z) @ sem.scramble, y: reshape (sum y axis=1) [n, 1], env: e}
}

# the environments of the IRM paper's chain experiment: a list of {x, y, env}, n samples at each scale
# main.py draws 1000 samples at scales 0.2, 2 and 5; irm_linear validates on the last one.
# @topic benchmarks
# @param sem record: a model from chain_sem
# @keyword n integer: samples per environment
# @keyword scales list: the environments' noise scales
# @example envs = chain_envs (chain_sem 10) n=1000
def chain_envs sem n=1000 scales=[0.2, 2.0, 5.0] {
  return map scales { e -> chain_sample sem n e }
}

# the causal and non-causal errors of a weight vector against a chain SEM's solution: a record {causal, noncausal}
# As main.py's errors(): w is first mapped back by the SEM's scramble (w ← scramble @ w); then causal is the mean
# squared error of the weights the solution says are non-zero (the x half), noncausal of the others (the z half).
# @topic benchmarks
# @param sem record: a model from chain_sem
# @param w tensor: estimated weights (dim × 1 or a vector of dim)
# @example sem = chain_sem 10
# @example chain_errors sem (zeros 10 1)
def chain_errors sem w {
  v = sem.scramble @ (reshape w [sem.dim, 1])
  diff = (v - sem.solution) ** 2
  causal = sem.solution != 0
  return {causal: mean (diff[causal]), noncausal: mean (diff[logical_not causal])}
}

# ordinary least squares on the pooled environments, no intercept: the ERM baseline (dim × 1 weights)
# As the paper's EmpiricalRiskMinimizer: sklearn's LinearRegression(fit_intercept=False) on all environments.
# @topic benchmarks
# @param envs list: records {x, y}, one per environment
# @example envs = chain_envs (chain_sem 10)
# @example w = erm_linear envs
def erm_linear envs {
  x = vstack (map envs { e -> e.x })
  y = vstack (map envs { e -> e.y })
  return lstsq x y
}

# invariant causal prediction (Peters et al. 2016) as the IRM paper's code runs it: {solution, parents, accepted}
# For every non-empty subset S of the inputs: least squares of y on x_S over the pooled environments; for each
# environment, its residuals against the others' by Welch's t-test (means) and the two-sided F-test (variances),
# p = 2 min(p_mean, p_var); the subset's p-value is the smallest over environments times their number
# (Bonferroni); S is accepted when it is above alpha. The estimate is least squares on the intersection of the
# accepted subsets (`parents`), zeros elsewhere; zeros when none is accepted or the intersection is empty.
# `accepted` lists the accepted subsets (input positions). Exhaustive: 2^dim − 1 regressions (dim at most 16).
# @topic invariance
# @param envs list: records {x, y}, one per environment
# @keyword alpha number: the test level
# @example envs = chain_envs (chain_sem 6)
# @example r = icp envs
# @example r.parents
def icp envs alpha=0.05 {
  if len envs < 2 { error "icp: needs at least 2 environments, got {len envs}" }
  x = vstack (map envs { e -> e.x })
  y = vstack (map envs { e -> e.y })
  dim = x.shape[1]
  if dim > 16 { error "icp: {dim} inputs make {2 ** dim - 1} subsets; at most 16 inputs" }
  k = len envs
  labels = vstack (map (range k) { i -> full [envs[i].x.shape[0], 1] i })
  labels = labels[.., 0]
  accepted = []
  common = ones dim
  for code in 1..<(2 ** dim) {
    subset = []
    for j in 0..<dim {
      if floor (code / 2 ** j) % 2 == 1 { subset = append subset j }
    }
    xs = x[.., subset]
    r = (y - xs @ (lstsq xs y))[.., 0]
    smallest = 1
    for i in 0..<k {
      inside = r[labels == i]
      outside = r[labels != i]
      p = 2 * (min [(ttest inside outside).pvalue, (ftest inside outside).pvalue])
      smallest = min [smallest, p]
    }
    if smallest * k > alpha {
      accepted = append accepted subset
      member = zeros dim
      member[subset] = 1
      common = common * member
    }
  }
  w = zeros dim 1
  parents = []
  if len accepted > 0 {
    for j in 0..<dim {
      if common[j] > 0 { parents = append parents j }
    }
    if len parents > 0 { w[parents] = lstsq (x[.., parents]) y }
  }
  return {solution: w, parents: parents, accepted: accepted}
}

# the objective of the IRM paper's linear solver, one per penalty weight: a record {risk, penalty, objective}
# phi holds one dim × dim matrix per reg (regs × dim × dim); w holds the fixed classifier (ones in the paper) once
# per training environment and reg (envs × regs × 1 × dim), so that the gradient of each environment's error
# with respect to its own copy is that environment's ∂MSE_e/∂w; moments are the training environments' (from
# chain_moments). For each reg, risk is Σ_e MSE_e of the predictor phi @ w and penalty is Σ_e mean((∂MSE_e/∂w)²),
# the gradient taken with `grad … create=true` so that the penalty can be differentiated again; objective sums
# reg · risk + (1 − reg) · penalty over the regs (the slices do not interact: each reg's gradient is its own).
# @topic invariance
# @param phi tensor: the representations, regs × dim × dim (a param)
# @param w tensor: the classifiers, envs × regs × 1 × dim (a param of ones)
# @param moments record: the training environments' moments (from chain_moments)
# @param reg tensor: the error weight of each reg (a vector)
# @example ms = chain_moments (chain_envs (chain_sem 4))
# @example o = irm_linear_objective (param (reshape (eye 4) [1, 4, 4])) (param (ones 3 1 1 4)) ms (tensor [0.01])
# @example o.penalty
def irm_linear_objective phi w moments reg {
  k = phi.shape[0]
  dim = phi.shape[1]
  u = sum (phi * w) axis=3
  su = sum ((reshape u [w.shape[0], k, dim, 1]) * moments.s) axis=2
  loss = sum (u * su) axis=2 - 2 * sum (u * moments.c) axis=2 + moments.y2
  g = grad (sum loss) w create=true
  risk = sum loss axis=0
  penalty = sum (mean (g ** 2) axis=3) axis=0
  penalty = reshape penalty [k]
  return {risk: risk, penalty: penalty, objective: sum (reg * risk + (1 - reg) * penalty)}
}

# the moments of environments for least-squares objectives, stacked: a record {s, c, y2}
# For environment e with inputs X and targets y (n rows): s[e, 0] = X'X/n, c[e, 0] = (X'y/n)' and y2[e, 0] =
# mean(y²), so that mean((X v − y)²) = v's v − 2 v'c + y2 for any weights v (shapes envs × 1 × dim × dim,
# envs × 1 × dim and envs × 1, to broadcast over the regs of irm_linear_objective).
# @topic invariance
# @param envs list: records {x, y}, one per environment
# @example ms = chain_moments (chain_envs (chain_sem 4))
# @example ms.s.shape
def chain_moments envs {
  dim = envs[0].x.shape[1]
  e = len envs
  s = reshape (vstack (map envs { b -> b.x.T @ b.x / b.x.shape[0] })) [e, 1, dim, dim]
  c = reshape (vstack (map envs { b -> (b.x.T @ b.y / b.x.shape[0]).T })) [e, 1, dim]
  y2 = reshape (tensor (map envs { b -> mean (b.y ** 2) })) [e, 1]
  return {s: s, c: c, y2: y2}
}

# the IRM paper's linear IRM solver (its InvariantRiskMinimization class): {solution, reg, validation, …}
# The predictor is phi @ w with w fixed at ones (the "dummy" classifier) and phi a dim × dim matrix trained from
# the identity by Adam (lr, PyTorch's defaults otherwise) for `iterations` full-batch steps of
#   reg · Σ_e MSE_e + (1 − reg) · Σ_e mean((∂MSE_e/∂w)²)
# over all environments but the last (irm_linear_objective); the last is the validation set: of the error weights
# in `regs` the one whose phi @ w has the smallest validation MSE wins (the first on ties). MSE_e is computed from
# the environment's moments (chain_moments), which equals mean((X v − y)²) and costs a dim × dim product instead
# of an n × dim one; the regs train together, each on its own slice of a regs × dim × dim tensor, as separate
# runs would. Besides the winner's `solution` (dim × 1) and `reg`, the record holds every reg's `solutions`
# (regs × dim), `validation` errors, and final `risk` and `penalty` on the training environments.
# @topic invariance
# @param envs list: records {x, y}, one per environment; the last one validates
# @keyword regs list: the error weights tried (the paper: 0, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1)
# @keyword iterations integer (steps): Adam steps per reg (the paper: 100000)
# @keyword lr number: Adam's learning rate
# @example envs = chain_envs (chain_sem 6)
# @example r = irm_linear envs iterations=500
# @example r.solution
def irm_linear envs regs=[0, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1] iterations=100000 lr=1e-3 {
  if len envs < 2 { error "irm_linear: needs at least 2 environments (the last validates), got {len envs}" }
  if len regs < 1 { error "irm_linear: regs must not be empty" }
  if iterations < 0 { error "irm_linear: iterations must be >= 0, got {iterations}" }
  dim = envs[0].x.shape[1]
  k = len regs
  moments = chain_moments envs[..-2]
  reg = tensor regs
  phi = reshape (vstack (map regs { r -> eye dim })) [k, dim, dim]
  w = param (ones (len envs - 1) k 1 dim)
  m = zeros k dim dim
  v = zeros k dim dim
  for t in 1..iterations {
    p = param phi
    d = grad (irm_linear_objective p w moments reg).objective p
    m = 0.9 * m + 0.1 * d
    v = 0.999 * v + 0.001 * d * d
    phi = phi - lr / (1 - 0.9 ** t) * m / (sqrt v / sqrt (1 - 0.999 ** t) + 1e-8)
  }
  final = irm_linear_objective (param phi) w moments reg
  u = sum (phi * ones k 1 dim) axis=2
  last = envs[-1]
  validation = mean ((last.x @ u.T - last.y) ** 2) axis=0
  best = argmin validation
  return {solution: reshape u[best] [dim, 1], reg: regs[best], solutions: u, validation: validation,
          risk: detach final.risk, penalty: detach final.penalty}
}
