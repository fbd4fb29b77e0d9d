# A random search as a repeat grid of draw numbers, then DomainBed's selection and a report.
hps = draws {w: uniform 0 4} default={w: 2} n=7 seed=0
def trial draw {
  # The "validation" and "test" errors of a setting: validation is best near w = 1, test near w = 3 (a shift).
  w = hps[draw].w
  return {val: (w - 1) * (w - 1), oracle: (w - 3) * (w - 3), test: abs (w - 3)}
}
study = repeat seeds=0..2 draw=0..7 algorithm=["erm", "irm"] {
  r = trial draw
  record val=r.val oracle=r.oracle test=(r.test + seed)
}
sel = selection study by=[algorithm, seed]
# expect: ["method", "algorithm", "seed", "draw", "val", "test"]
print sel.columns
# Every trial picks the setting whose w is closest to 1 (training) or to 3 (oracle).
best = 0
for k in 0..7 { if abs (hps[k].w - 1) < abs (hps[best].w - 1) { best = k } }
tr = filter sel method="training"
orc = filter sel method="oracle"
# expect: 0
print (sum (tr.draw != best))
# expect: 12
print (len sel.seed)
t = report sel rows=algorithm cols=seed
# expect: ["method", "algorithm", "0", "1", "2", "Avg"]
print t.columns
# The oracle's test error is never above training-domain validation's.
# expect: 0
print (sum (orc.test > tr.test))
