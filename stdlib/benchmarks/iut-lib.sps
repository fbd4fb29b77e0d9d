# The InvarianceUnitTests sweep (Aubin et al. 2021, arXiv 2102.10867), as its scripts main.py, sweep.py and
# collect_results.py run it: each job trains one linear model with one algorithm on one example for one data
# seed and one hyperparameter draw; the selection picks, per example and algorithm, the draw whose validation
# error (training-domain validation: the validation split comes from the training environments), averaged
# over data seeds and summed over environments, is the smallest; the table gives that draw's test error per
# environment, mean ± std (ddof 0) over data seeds, and their average over environments.
# Loaded by stdlib/benchmarks/iut.sps (quick) and iut-full.sps (the authors' full sweep).

# the examples and algorithms of the published table
iut_examples = ["1", "1s", "2", "2s", "3", "3s"]
iut_algos = ["erm", "irm", "iga", "andmask", "oracle"]

# the seed command under a name a repeat run does not shadow (inside repeat, `seed` is the run's seed)
set_seed = seed

# the published table (data/results_processed.tar.gz of facebookresearch/InvarianceUnitTests, commit e717c2ff36):
# average over the 3 environments of the test error, mean and std over 50 data seeds, dim_inv=5, dim_spu=5
iut_published = {
  "1": {erm: [13.36, 1.49], irm: [11.15, 0.71], iga: [17.47, 2.17], andmask: [10.59, 0.17], oracle: [10.42, 0.16]},
  "1s": {erm: [13.33, 1.49], irm: [11.07, 0.68], iga: [17.68, 3.32], andmask: [11.24, 0.74], oracle: [10.45, 0.19]},
  "2": {erm: [0.42, 0.01], irm: [0.45, 0.00], iga: [0.45, 0.00], andmask: [0.44, 0.02], oracle: [0.00, 0.00]},
  "2s": {erm: [0.45, 0.01], irm: [0.45, 0.01], iga: [0.45, 0.01], andmask: [0.45, 0.01], oracle: [0.00, 0.00]},
  "3": {erm: [0.48, 0.07], irm: [0.48, 0.07], iga: [0.47, 0.09], andmask: [0.34, 0.22], oracle: [0.01, 0.00]},
  "3s": {erm: [0.49, 0.06], irm: [0.49, 0.07], iga: [0.49, 0.06], andmask: [0.47, 0.08], oracle: [0.01, 0.00]},
}

# IUT's hyperparameters: draw 0 is the default, draw k ≥ 1 a random draw seeded by 1000 + k (the same draw for
# every data seed and example, as IUT seeds model_seed + 1000). Every distribution is drawn, as IUT does.
def iut_hparams algo draw {
  set_seed (1000 + draw)
  u_lr = sample (uniform 0 1)
  u_wd = sample (uniform 0 1)
  if algo == "andmask" {
    h = {lr: 10 ** (-4 + 4 * u_lr), wd: 10 ** (-5 + 5 * u_wd), tau: (sample (uniform 0.8 1))}
    if draw == 0 { h = {lr: 0.001, wd: 0, tau: 0.9} }
    return h
  }
  h = {lr: 10 ** (-4 + 2 * u_lr), wd: 10 ** (-6 + 4 * u_wd)}
  if algo == "irm" { h.lambda = 1 - 10 ** (sample (uniform -3 -0.3)) }
  if algo == "iga" { h.penalty = 10 ** (sample (uniform 1 5)) }
  if draw == 0 {
    h.lr = 0.001
    h.wd = 0
    if algo == "irm" { h.lambda = 0.9 }
    if algo == "iga" { h.penalty = 1000 }
  }
  return h
}

# IUT's error of a model on one environment's rows: mean squared error, or the 0-1 error of logit > 0
def iut_error m d task {
  out = detach (m d.X)
  if task == "regression" { return mean ((out - d.Y) ** 2) }
  return mean ((out > 0) != (d.Y > 0.5))
}

# records the test error of environment e as column t{e} (environments 0 … 9)
def iut_record_test e v {
  if e == 0 { record t0=v }
  if e == 1 { record t1=v }
  if e == 2 { record t2=v }
  if e == 3 { record t3=v }
  if e == 4 { record t4=v }
  if e == 5 { record t5=v }
  if e == 6 { record t6=v }
  if e == 7 { record t7=v }
  if e == 8 { record t8=v }
  if e == 9 { record t9=v }
}

# one IUT job: example "1" … "3s", algorithm erm/irm/iga/andmask/oracle, hyperparameter draw, data seed.
# Records valid (the validation errors summed over environments) and t0, t1, … (test error per environment).
def iut_job example algo draw data_seed n=10000 steps=10000 dim_inv=5 dim_spu=5 envs=3 {
  set_seed data_seed
  k = 1
  if example[0] == "2" { k = 2 }
  if example[0] == "3" { k = 3 }
  d = iut k n=n dim_inv=dim_inv dim_spu=dim_spu envs=envs scrambled=((len example) == 2) oracle=(algo == "oracle")
  h = iut_hparams algo draw
  base = "bce_logits"
  if d.task == "regression" { base = "mse" }
  m = linear (dim_inv + dim_spu) 1
  a = erm loss=base
  if algo == "irm" { a = irm lambda=h.lambda variant="iut" loss=base }
  if algo == "iga" { a = iga lambda=h.penalty loss=base }
  opt = adam lr=h.lr weight_decay=h.wd
  if algo == "andmask" {
    a = andmask tau=h.tau loss=base
    opt = sgd lr=h.lr weight_decay=h.wd
  }
  batch = n * envs
  if a.per_env { batch = n }
  fit m d.train algo=a batch=batch shuffle=false epochs=steps optim=opt
  valid = 0
  for e in 0..<envs {
    valid = valid + iut_error m d.valid[d.valid.env == e] d.task
    iut_record_test e (iut_error m d.test[d.test.env == e] d.task)
  }
  record valid=valid
}

# the whole sweep as a repeat grid: data seeds × examples × algorithms × draws, on all cores
def iut_sweep data_seeds=50 draws=20 steps=10000 n=10000 examples=iut_examples algos=iut_algos {
  return repeat seeds=[0] data_seed=(range data_seeds) example=examples algo=algos draw=(range draws) {
    iut_job example algo draw data_seed n=n steps=steps
  }
}

# IUT's selection and table: per example and algorithm, the draw with the smallest validation error (mean over
# data seeds); its test error per environment, mean and std (ddof 0) over data seeds; the row's mean and std
# are the averages over environments of those. Returns a list of records, one per example and algorithm.
def iut_select t envs=3 examples=iut_examples algos=iut_algos {
  rows = []
  draws = unique t.draw
  for ex in examples {
    for al in algos {
      best = -1
      best_valid = 0
      for dr in draws {
        sel = filter t example=ex algo=al draw=dr
        v = mean sel.valid
        if best < 0 or v < best_valid {
          best = dr
          best_valid = v
        }
      }
      sel = filter t example=ex algo=al draw=best
      means = []
      stds = []
      for e in 0..<envs {
        col = sel["t{e}"]
        means = append means (mean col)
        stds = append stds (std col ddof=0)
      }
      row = {example: ex, algo: al, draw: best, mean: mean (tensor means), std: mean (tensor stds)}
      row.env_means = means
      row.seeds = len sel
      rows = append rows row
    }
  }
  return rows
}

# prints the selected table in Markdown, each cell "ours (published)"
def iut_print rows algos=iut_algos {
  header = "| Example |"
  rule = "|---|"
  for al in algos {
    header = header + " {al} |"
    rule = rule + "---|"
  }
  print header
  print rule
  examples = []
  for r in rows { if (len (filter_list examples r.example)) == 0 { examples = append examples r.example } }
  for ex in examples {
    line = "| Example{ex} |"
    for al in algos {
      for r in rows {
        if r.example == ex and r.algo == al {
          p = iut_published[ex][al]
          line = line + (format " %.2f ± %.2f (%.2f ± %.2f) |" r.mean r.std p[0] p[1])
        }
      }
    }
    print line
  }
}

# the items of a list equal to a value
def filter_list xs v {
  out = []
  for x in xs { if x == v { out = append out x } }
  return out
}

# the whole benchmark: the sweep (timed), the selection and the table beside the published one
def iut_benchmark data_seeds=50 draws=20 steps=10000 n=10000 {
  print "InvarianceUnitTests: {data_seeds} data seeds × {draws} hyperparameter draws × 5 algorithms × 6 examples,"
  print "{steps} full-batch steps, {n} rows per environment and split"
  t = time iut_sweep data_seeds=data_seeds draws=draws steps=steps n=n
  print "sweep: {len t} runs"
  print "test error, mean ± std over data seeds (in parentheses the published numbers: 50 data seeds × 20 draws,"
  print "10000 steps, 10000 rows)"
  iut_print (iut_select t)
  return t
}
