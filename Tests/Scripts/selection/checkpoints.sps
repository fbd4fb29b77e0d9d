# selection … checkpoint=step: a run records a row per checkpoint, and each method picks one per run as DomainBed's
# run_acc does: training the checkpoint with the best val, oracle the last one (no early stopping)
study = repeat seeds=0..1 draw=0..2 {
  r = {}
  for step in [100, 200, 300] {
    # every draw's val is best at step 200, and draw 1's is the lowest; the oracle favours draw 2 at every step
    v = abs (step - 200) / 100 + 0.2 + draw * 0.5 + seed * 0.01
    if draw == 1 { v = abs (step - 200) / 200 + 0.1 }
    r["val_{step}"] = v
    r["test_{step}"] = draw * 10 + step / 100 + seed
    r["oracle_{step}"] = (300 - step) / 100 + (2 - draw)
  }
  record r
}
# longer makes the study a row per run and checkpoint
long = longer study [val, test, oracle]
print (len long) long.columns  # expect: 18 ["seed", "draw", "step", "val", "test", "oracle"]
# expect: method    seed  draw  step     val  test
# expect: ────────  ────  ────  ────  ──────  ────
# expect: training     0     1   200  0.1000    12
# expect: training     1     1   200  0.1000    13
# expect: oracle       0     2   300       0    23
# expect: oracle       1     2   300       0    24
print (selection long by=[seed] checkpoint=step)
# pool=true averages each setting's runs (told apart by seed) at the checkpoints each run chose
# expect: method    seed  draw  step     val  test
# expect: ────────  ────  ────  ────  ──────  ────
# expect: training     0     1   200  0.1000    12
# expect: training     1     1   200  0.1000    13
print (selection long checkpoint=step pool=true method=training)
# Without checkpoint=, the rows of a run's checkpoints look like several runs of one setting
selection long by=[seed]  # expect error: selection: two runs of the group seed=0 have draw=0; add the column that tells them apart to by= (or pool=true to average them)
