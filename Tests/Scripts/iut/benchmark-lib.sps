# The benchmark's pieces (stdlib/benchmarks/iut-lib.sps): IUT's hyperparameter draws, a sweep as a repeat grid,
# and the selection (the draw with the smallest validation error averaged over data seeds).
load "stdlib/benchmarks/iut-lib.sps"
# Draw 0 is IUT's default; draw k is random and the same every time (seeded by 1000 + k)
# expect: {lr: 0.001, wd: 0, lambda: 0.9} {lr: 0.001, wd: 0, tau: 0.9} {lr: 0.001, wd: 0, penalty: 1000}
print (iut_hparams "irm" 0) (iut_hparams "andmask" 0) (iut_hparams "iga" 0)
# expect: true
print ((iut_hparams "irm" 3) == (iut_hparams "irm" 3))
# ERM, IRM and IGA share the draw of lr and weight decay (IUT draws them first, from the same seed)
a = iut_hparams "erm" 4
b = iut_hparams "iga" 4
# expect: true true
print (a.lr == b.lr) (a.wd == b.wd)
# The draws are IUT's own (Python's random seeded by 1000 + k): the hyperparameters the authors' selection chose
# for Example1 (their results_processed) are ERM's draw 4, IRMv1's draw 15 and ANDMask's draw 1
# expect: 0.000695 0.00802
print (round a.lr digits=6) (round a.wd digits=5)
i = iut_hparams "irm" 15
# expect: 0.000161 0.667
print (round i.lr digits=6) (round i.lambda digits=3)
m = iut_hparams "andmask" 1
# expect: 0.154 0.952
print (round m.lr digits=3) (round m.tau digits=3)
# The random draws stay in IUT's ranges
def in_range algo {
  ok = true
  for k in 1..30 {
    h = iut_hparams algo k
    if algo == "andmask" {
      ok = ok and h.lr >= 1e-4 and h.lr <= 1 and h.wd >= 1e-5 and h.wd <= 1 and h.tau >= 0.8 and h.tau <= 1
    } else {
      ok = ok and h.lr >= 1e-4 and h.lr <= 1e-2 and h.wd >= 1e-6 and h.wd <= 1e-2
    }
    if algo == "irm" { ok = ok and h.lambda >= 1 - 10 ** -0.3 and h.lambda <= 1 - 1e-3 }
    if algo == "iga" { ok = ok and h.penalty >= 10 and h.penalty <= 1e5 }
  }
  return ok
}
# expect: [true, true, true, true]
print (map ["erm", "irm", "iga", "andmask"] { al -> in_range al })
# A small sweep: a row per data seed × example, with every algorithm's and draw's validation error and test error
# per environment
t = iut_sweep data_seeds=2 draws=2 steps=20 n=30 examples=["2"] algos=["erm", "oracle"]
# expect: 2 ["seed", "data_seed", "example", "t0_erm_0", "t1_erm_0", "t2_erm_0", "valid_erm_0", "t0_erm_1", "t1_erm_1", "t2_erm_1", "valid_erm_1", "t0_oracle_0", "t1_oracle_0", "t2_oracle_0", "valid_oracle_0", "t0_oracle_1", "t1_oracle_1", "t2_oracle_1", "valid_oracle_1"]
print (len t) t.columns
rows = iut_select t draws=2 examples=["2"] algos=["erm", "oracle"]
# The selected draw has the smallest mean validation error, and its row averages its test errors
r = rows[0]
chosen = t["valid_erm_{r.draw}"]
other = t["valid_erm_{1 - r.draw}"]
env_means = map [0, 1, 2] { e -> mean t["t{e}_erm_{r.draw}"] }
# expect: erm true true 2
print r.algo ((mean chosen) <= (mean other)) ((abs (r.mean - (mean (tensor env_means)))) < 1e-6) r.seeds
# iut_plot draws the selected table: a group of bars per example, a bar per algorithm, the std as error bars
p = iut_plot rows algos=["erm", "oracle"]
# expect: bar ["erm", "oracle"] example
print p.kind p.series p.xlabel
# iut_print_draws compares the chosen draws with the authors' (draw 1 for both on Example 2)
# expect: selected draw, ours (the authors'): 2 erm 0 (1); 2 oracle 1 (1);
# expect: the same draw as the authors in 1 of 2 cells
iut_print_draws rows
# iut_select skips the examples the table does not have
# expect: 2
print (len (iut_select t draws=2 algos=["erm", "oracle"]))
# The stdlib's algorithms, one model at a time with `fit … algo=`, give the same table up to rounding
u = iut_sweep data_seeds=2 draws=2 steps=20 n=30 examples=["2", "1"] algos=["irm", "andmask", "iga"]
v = iut_sweep data_seeds=2 draws=2 steps=20 n=30 examples=["2", "1"] algos=["irm", "andmask", "iga"] native=false
# expect: true true true
print ((max (abs (u.valid_irm_0 - v.valid_irm_0))) < 1e-4) ((max (abs (u.t2_andmask_1 - v.t2_andmask_1))) < 1e-4) ((max (abs (u.valid_iga_1 - v.valid_iga_1))) < 1e-4)
