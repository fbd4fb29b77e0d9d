# The InvarianceUnitTests sweep (Aubin et al. 2021, arXiv 2102.10867), as its scripts main.py, sweep.py and
# collect_results.py run it. Each of the authors' jobs trains one linear model with one algorithm on one example,
# for one data seed and one hyperparameter draw. Here a `repeat` run is one example and data seed: it draws the
# data once and trains every algorithm's and draw's model on it, together (fit_linear), or one at a time with
# `fit … algo=` (native=false).
# The selection picks, per example and algorithm, the draw whose validation error (training-domain validation:
# the validation split comes from the training environments), averaged over data seeds and summed over
# environments, is the smallest. The table gives that draw's test error per environment, mean ± std (ddof 0)
# over data seeds, and their average over environments.
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

# the draw the authors' selection chose in each cell (their results_processed: the selected hyperparameters, matched
# to draws of Python's random seeded by 1000 + k)
iut_published_draws = {
  "1": {erm: 4, irm: 15, iga: 19, andmask: 1, oracle: 4},
  "1s": {erm: 7, irm: 15, iga: 19, andmask: 13, oracle: 4},
  "2": {erm: 1, irm: 1, iga: 6, andmask: 1, oracle: 1},
  "2s": {erm: 17, irm: 13, iga: 6, andmask: 4, oracle: 1},
  "3": {erm: 1, irm: 4, iga: 7, andmask: 13, oracle: 10},
  "3s": {erm: 1, irm: 8, iga: 13, andmask: 18, oracle: 10},
}

# IUT's hyperparameters (models.py): draw 0 is the default; draw k ≥ 1 is what Python's `random` gives after
# random.seed(1000 + k), as main.py seeds model_seed + 1000, so every data seed and example sees the authors' very
# draws. Each model class draws lr, wd, then its own (irm_lambda, penalty or tau), in that order.
def iut_hparams algo draw {
  u = python_random (1000 + draw) n=3
  py_uniform = { a b k -> a + (b - a) * u[k] }
  if algo == "andmask" {
    if draw == 0 { return {lr: 0.001, wd: 0, tau: 0.9} }
    return {lr: 10 ** (py_uniform -4 0 0), wd: 10 ** (py_uniform -5 0 1), tau: (py_uniform 0.8 1 2)}
  }
  h = {lr: 10 ** (py_uniform -4 -2 0), wd: 10 ** (py_uniform -6 -2 1)}
  if algo == "irm" { h.lambda = 1 - 10 ** (py_uniform -3 -0.3 2) }
  if algo == "iga" { h.penalty = 10 ** (py_uniform 1 5 2) }
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

# the algorithm record and optimizer of one IUT job (IUT's models.py): IRMv1 and IGA as IUT writes them, Adam
# with L2 weight decay, and ANDMask with its own SGD step; base is the example's loss ("mse" or "bce_logits")
def iut_algorithm algo h base {
  if algo == "irm" { return {algo: (irm lambda=h.lambda variant="iut" loss=base), optim: (adam lr=h.lr weight_decay=h.wd)} }
  if algo == "iga" { return {algo: (iga lambda=h.penalty loss=base), optim: (adam lr=h.lr weight_decay=h.wd)} }
  if algo == "andmask" { return {algo: (andmask tau=h.tau loss=base), optim: (sgd lr=h.lr weight_decay=h.wd)} }
  return {algo: (erm loss=base), optim: (adam lr=h.lr weight_decay=h.wd)}
}

# the IUT data of one example and data seed (IUT seeds each job with its data seed, so every algorithm and draw
# sees the same rows; the oracle's training and validation rows come from the test distribution)
def iut_data example data_seed n dim_inv dim_spu envs oracle {
  set_seed data_seed
  k = 1
  if example[0] == "2" { k = 2 }
  if example[0] == "3" { k = 3 }
  return iut k n=n dim_inv=dim_inv dim_spu=dim_spu envs=envs scrambled=((len example) == 2) oracle=oracle
}

# the IUT jobs of one example and data seed: every algorithm × hyperparameter draw. Each draw's hyperparameters
# and starting weights come from seed 1000 + draw, as IUT's do. native=true trains the models of all the
# algorithms that share the data at once with fit_linear (the second-pass algorithms IRM and IGA last, so their
# extra pass covers only their chunks); native=false runs `fit … algo=` with the stdlib's algorithms, one model
# at a time (the same models up to rounding, much slower).
# Records valid_{algo}_{draw} (the validation errors summed over environments) and t{e}_{algo}_{draw} (the test
# error of environment e) for every algorithm and draw.
def iut_job example data_seed algos=iut_algos draws=20 n=10000 steps=10000 dim_inv=5 dim_spu=5 envs=3 native=true {
  row = {}
  order = ["erm", "andmask", "irm", "iga", "oracle"]
  for oracle in [false, true] {
    d = iut_data example data_seed n dim_inv dim_spu envs oracle
    base = "bce_logits"
    if d.task == "regression" { base = "mse" }
    models = []
    setups = []
    names = []
    for algo in order {
      if (algo == "oracle") == oracle and (len (filter_list algos algo)) > 0 {
        for draw in 0..<draws {
          setups = append setups (iut_algorithm algo (iut_hparams algo draw) base)
          models = append models (linear (dim_inv + dim_spu) 1)
          names = append names "{algo}_{draw}"
        }
      }
    }
    if (len models) > 0 {
      if native {
        fit_linear models d.train algo=(map setups { x -> x.algo }) optim=(map setups { x -> x.optim }) steps=steps
      } else {
        for i in 0..<(len models) {
          a = setups[i].algo
          batch = n * envs
          if a.per_env { batch = n }
          fit models[i] d.train algo=a batch=batch shuffle=false epochs=steps optim=setups[i].optim
        }
      }
      for i in 0..<(len models) {
        valid = 0
        for e in 0..<envs {
          valid = valid + iut_error models[i] d.valid[d.valid.env == e] d.task
          row["t{e}_{names[i]}"] = iut_error models[i] d.test[d.test.env == e] d.task
        }
        row["valid_{names[i]}"] = valid
      }
    }
  }
  record row
}

# the whole sweep as a repeat grid of data seeds × examples, on all cores; each run trains every algorithm and
# hyperparameter draw (see iut_job)
def iut_sweep data_seeds=50 draws=20 steps=10000 n=10000 examples=iut_examples algos=iut_algos native=true {
  return repeat seeds=[0] data_seed=(range data_seeds) example=examples {
    iut_job example data_seed algos=algos draws=draws n=n steps=steps native=native
  }
}

# IUT's selection and table: per example and algorithm, the draw with the smallest validation error (mean over
# data seeds; a draw whose models diverged is never chosen); its test error per environment, mean and std
# (ddof 0) over data seeds; the row's mean and std are the averages over environments of those. Returns a list
# of records, one per example and algorithm.
def iut_select t draws=20 envs=3 examples=iut_examples algos=iut_algos {
  rows = []
  for ex in examples {
    sel = filter t example=ex
    if (len sel) == 0 { continue }
    for al in algos {
      best = -1
      best_valid = 0
      for dr in 0..<draws {
        v = mean sel["valid_{al}_{dr}"]
        if v == v and (best < 0 or v < best_valid) {
          best = dr
          best_valid = v
        }
      }
      means = []
      stds = []
      for e in 0..<envs {
        col = sel["t{e}_{al}_{best}"]
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
  examples = unique (map rows { r -> r.example })
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

# the selected table as a bar chart: a group per example, a bar per algorithm, IUT's ± std as error bars;
# to= writes it as SVG (e.g. iut_plot (iut_select t) to="iut.svg")
def iut_plot rows algos=iut_algos to=nil {
  examples = unique (map rows { r -> r.example })
  cols = {example: (map examples { ex -> "Example{ex}" })}
  for al in algos {
    means = []
    stds = []
    for ex in examples {
      for r in rows {
        if r.example == ex and r.algo == al {
          means = append means r.mean
          stds = append stds r.std
        }
      }
    }
    cols[al] = means
    cols["{al}_std"] = stds
  }
  # an SVG gets a wide page; the terminal its own width
  size = [nil, nil]
  if type to != "nil" { size = [960, 420] }
  title = "InvarianceUnitTests: test error, mean ± std over data seeds"
  return plot bar cols x=example y=algos err=(map algos { al -> "{al}_std" }) title=title ylabel="test error" to=to width=size[0] height=size[1]
}

# prints the draw each cell's selection chose beside the authors' choice, and how many agree
def iut_print_draws rows {
  same = 0
  line = "selected draw, ours (the authors'):"
  for r in rows {
    theirs = iut_published_draws[r.example][r.algo]
    if r.draw == theirs { same = same + 1 }
    line = line + " {r.example} {r.algo} {r.draw} ({theirs});"
  }
  print line
  print "the same draw as the authors in {same} of {len rows} cells"
}

# the items of a list equal to a value
def filter_list xs v {
  out = []
  for x in xs { if x == v { out = append out x } }
  return out
}

# the whole benchmark: the sweep (timed), the selection and the table beside the published one
def iut_benchmark data_seeds=50 draws=20 steps=10000 n=10000 native=true {
  print "InvarianceUnitTests: {data_seeds} data seeds × {draws} hyperparameter draws × 5 algorithms × 6 examples,"
  print "{steps} full-batch steps, {n} rows per environment and split"
  t = time iut_sweep data_seeds=data_seeds draws=draws steps=steps n=n native=native
  print "sweep: {data_seeds * draws * 30} models in {len t} runs (a run: one example and data seed)"
  print "test error, mean ± std over data seeds (in parentheses the published numbers: 50 data seeds × 20 draws,"
  print "10000 steps, 10000 rows)"
  rows = iut_select t draws=draws
  iut_print rows
  if draws == 20 { iut_print_draws rows }
  return t
}
