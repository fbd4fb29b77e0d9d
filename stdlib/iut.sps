# The InvarianceUnitTests examples (Aubin, Słowik, Arjovsky, Bottou and Lopez-Paz 2021, "Linear unit-tests for
# invariance discovery", arXiv 2102.10867), written as their code (facebookresearch/InvarianceUnitTests,
# scripts/datasets.py and main.py) makes them: the same distributions, the same order of draws, the same splits.
# The random numbers are sps's, not PyTorch's. Only defs and comments (see stdlib/prelude.sps's header).
#
# Every example has dim_inv invariant inputs followed by dim_spu spurious ones (before scrambling). Its "test"
# split shuffles the spurious block across rows: the spurious inputs keep their distribution but lose their
# relation to the target. The scrambled variants multiply the inputs by a random orthogonal matrix, so no input
# is invariant on its own.

# environment settings of an InvarianceUnitTests example (IUT's dataset constructor)
# @topic benchmarks
# @param example integer: 1 (regression), 2 or 3 (classification)
# @keyword dim_inv integer: invariant inputs
# @keyword dim_spu integer: spurious inputs
# @keyword envs integer: environments (at least 2)
# @keyword scrambled bool: mix the inputs by a random orthogonal matrix (the `s` variants)
# @example g = iut_example 1 scrambled=true
# @example g.envs
def iut_example example dim_inv=5 dim_spu=5 envs=3 scrambled=false {
  if envs < 2 { error "envs must be at least 2, got {envs}" }
  if dim_inv < 1 { error "dim_inv must be at least 1, got {dim_inv}" }
  if dim_spu < 0 { error "dim_spu must be at least 0, got {dim_spu}" }
  dim = dim_inv + dim_spu
  g = {example: example, dim_inv: dim_inv, dim_spu: dim_spu, n_envs: envs}
  if example == 1 {
    g.task = "regression"
    sd = [0.1, 1.5]
    if envs >= 3 { sd = append sd 2 }
    for e in 3..<envs { sd = append sd (10 ** (sample (uniform -2 1))) }
    g.envs = sd
    g.wxy = (randn dim_inv dim_inv) / dim_inv
    g.wyz = (randn dim_inv dim_spu) / (max dim_spu 1)
  } else if example == 2 {
    g.task = "classification"
    ps = [{p: 0.95, s: 0.3}, {p: 0.97, s: 0.5}]
    if envs >= 3 { ps = append ps {p: 0.99, s: 0.7} }
    for e in 3..<envs { ps = append ps {p: (sample (uniform 0.9 1)), s: (sample (uniform 0.3 0.7))} }
    g.envs = ps
  } else if example == 3 {
    g.task = "classification"
    mus = []
    for e in 0..<envs { mus = append mus (randn 1 dim_spu) }
    g.envs = mus
  } else {
    error "example must be 1, 2 or 3, got {example}"
  }
  g.scramble = eye dim
  if scrambled { g.scramble = (qr (randn dim dim)).q }
  return g
}

# n rows of one environment of an InvarianceUnitTests example, as tensors {x, y} (IUT's sample)
# @topic benchmarks
# @param g record: the example, from iut_example
# @param env integer: the environment (0 …)
# @keyword n integer: rows
# @keyword split string: "train" or "test" (the spurious inputs shuffled across rows)
# @example g = iut_example 2
# @example s = iut_sample g 0 n=100 split="test"
def iut_sample g env n=10000 split="train" {
  if split != "train" and split != "test" { error "split must be \"train\" or \"test\", got \"{split}\"" }
  di = g.dim_inv
  ds = g.dim_spu
  if g.example == 1 {
    sd = g.envs[env]
    x = (randn n di) * sd
    y = x @ g.wxy + (randn n di) * sd
    z = y @ g.wyz + (randn n ds)
    if split == "test" { z = z[permutation n] }
    return {x: (concat x z axis=1) @ g.scramble, y: sum y axis=1}
  }
  if g.example == 2 {
    p = g.envs[env].p
    s = g.envs[env].s
    i = choice 4 size=n p=[p * s, (1 - p) * s, p * (1 - s), (1 - p) * (1 - s)]
    avg_fg = tensor [[1], [1], [-1], [-1]]
    avg_bg = tensor [[1], [-1], [-1], [1]]
    x_inv = ((randn n di) / (sqrt 10) + avg_fg[i]) * 0.01
    x_spu = ((randn n ds) / (sqrt 10) + avg_bg[i]) * 1
    if split == "test" { x_spu = x_spu[permutation n] }
    return {x: (concat x_inv x_spu axis=1) @ g.scramble, y: ((sum x_inv axis=1) > 0) * 1}
  }
  m = floor (n / 2)
  mu = g.envs[env]
  inv0 = (randn m di) * 0.1 + 0.1
  inv1 = (randn m di) * 0.1 - 0.1
  sh0 = (randn m ds) * 0.1 + mu
  sh1 = (randn m ds) * 0.1 - mu
  x = concat (concat inv0 sh0 axis=1) (concat inv1 sh1 axis=1)
  if split == "test" { x[.., di..] = x[permutation (2 * m), di..] }
  return {x: x @ g.scramble, y: concat (zeros m) (ones m)}
}

# the train, validation and test datasets of an InvarianceUnitTests example, tagged by environment
# One dataset per split, each with n rows per environment and env tags 0 … envs−1, sampled in IUT's order
# (train, validation, test; within each, environment by environment). Features x1 … are the (scrambled)
# inputs: before scrambling x1 … x{dim_inv} are invariant and the rest spurious. oracle=true gives the data
# IUT's Oracle trains on: train and validation drawn from the test split (spurious inputs shuffled).
# @topic benchmarks
# @param example integer: 1 (regression), 2 or 3 (classification)
# @keyword n integer: rows per environment and split
# @keyword dim_inv integer: invariant inputs
# @keyword dim_spu integer: spurious inputs
# @keyword envs integer: environments
# @keyword scrambled bool: the `s` variant (inputs times a random orthogonal matrix)
# @keyword oracle bool: train and validation from the test split (IUT's Oracle)
# @example d = iut 1 scrambled=true n=1000
# @example fit (linear 10 1) d.train batch=3000 epochs=100
def iut example n=10000 dim_inv=5 dim_spu=5 envs=3 scrambled=false oracle=false {
  g = iut_example example dim_inv=dim_inv dim_spu=dim_spu envs=envs scrambled=scrambled
  train_split = "train"
  if oracle { train_split = "test" }
  out = {task: g.task, dim_inv: dim_inv, dim_spu: dim_spu, envs: envs, scramble: g.scramble}
  names = map (1..(dim_inv + dim_spu)) { k -> "x{k}" }
  for pair in [["train", train_split], ["valid", train_split], ["test", "test"]] {
    xs = []
    ys = []
    tags = []
    for e in 0..<envs {
      s = iut_sample g e n=n split=pair[1]
      xs = append xs s.x
      ys = append ys s.y
      tags = append tags (full [n] e)
    }
    out[pair[0]] = dataset (concat xs) (concat ys) names=names env=(concat tags)
  }
  return out
}
