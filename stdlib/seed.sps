# seed.sps — the case study behind sps, end to end.
#
# y = x1 + 2*x2 + 3 + N(0,1), with a spurious child x3 = y/f + N(0,3). In the training data f = 0.2; out of
# distribution (OOD) f = 0.1, so x3's link to y changes. A model that leans on x3 looks best in distribution
# (IID) and fails OOD. Ten seeds give models that are equally good IID and very different OOD
# (underspecification). Domain randomization (f drawn per row) and data augmentation (noise on x3 in every
# batch) make the model ignore x3 and restore OOD performance.
#
# Run it with:  scripts/sps stdlib/seed.sps

seed 0
n = 5000
train = spurious n=n factor=0.2                   # the training distribution
dr    = spurious n=n factor=(uniform 0.02 1)      # domain randomization: a new f for every row
iid   = spurious n=n factor=0.2                   # test data from the training distribution
ood   = spurious n=n factor=0.1                   # test data where x3 means something else

say "1. The data: in training, x3 is almost perfectly correlated with y"
print (describe train)

say "2. The best linear fit (least squares) leans on x3, and pays for it out of distribution"
best = ols train
print (compare best truth=[1, 2, 0] bias=3)
print (eval best [iid, ood])

# A model by name, so one study covers both.
def model_named name {
  if name == "linear" { return linear 3 1 }
  return mlp 3 [64, 64] 1 act=relu
}

say "3. Ten seeds x (linear, MLP 3-64-64-1) x (baseline, domain randomization, augmentation)"
say "   (Adam lr 1e-3, StepLR every 10 epochs x0.5, MSE, batch 32, 30 epochs; all cores)"
results = repeat seeds=0..9 model=["linear", "mlp"] treatment=["baseline", "randomized", "augmented"] {
  m = model_named model
  data = train
  if treatment == "randomized" { data = dr }
  jitter = nil
  if treatment == "augmented" { jitter = noise x3 std=30 }
  fit m data epochs=30 batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5) aug=jitter
  record iid=(rmse m iid) ood=(rmse m ood) x3=(sensitivity m iid x3)
}
print (summary results by=[model, treatment])

def cell model treatment { filter results model=model treatment=treatment }
def r x { round x digits=2 }
base = cell "linear" "baseline"
rand = cell "linear" "randomized"
augm = cell "linear" "augmented"
mbase = cell "mlp" "baseline"

say "4. What the numbers show"
print "  - Baseline linear model: IID RMSE {r (mean base.iid)}, OOD RMSE {r (mean base.ood)} -- {r ((mean base.ood) / (mean base.iid))}x worse out of distribution."
print "    It leans on x3: prediction moves {r (mean base.x3)} per unit of x3 (the true effect is 0)."
print "  - Underspecification: across seeds the MLP's OOD RMSE spreads {r ((std mbase.ood) / (std mbase.iid))}x more than its IID RMSE"
print "    (IID {r (min mbase.iid)}..{r (max mbase.iid)}, OOD {r (min mbase.ood)}..{r (max mbase.ood)})."
print "  - Domain randomization: x3 effect {r (mean rand.x3)}, OOD RMSE {r (mean rand.ood)} (IID {r (mean rand.iid)})."
print "  - Augmentation (x3 noise std 30): x3 effect {r (mean augm.x3)}, OOD RMSE {r (mean augm.ood)} (IID {r (mean augm.iid)})."
print "  Both treatments give up a little IID accuracy for a model that no longer depends on the spurious feature."

say "5. OOD RMSE across ten seeds, linear model, per treatment"
print (plot box [base.ood, rand.ood, augm.ood] names=[baseline, randomized, augmented] title="OOD RMSE over 10 seeds (linear)")

say "6. True vs learned weights: least squares on the baseline data vs a model trained with augmentation"
m = linear 3 1
fit m train epochs=30 batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5) aug=(noise x3 std=30)
w = compare m truth=[1, 2, 0] bias=3
print (plot bar (compare best truth=[1, 2, 0] bias=3) x=param y=[truth, learned] title="least squares on the baseline")
print (plot bar w x=param y=[truth, learned] title="trained with x3 noise")
