# The article's findings, as numbers: a linear model on the baseline leans on the spurious x3 and fails out of
# distribution; domain randomization and augmentation make it ignore x3; across seeds OOD spreads more than IID.
seed 0
train = spurious n=2000 factor=0.2
dr    = spurious n=2000 factor=(uniform 0.02 1)
iid   = spurious n=2000 factor=0.2
ood   = spurious n=2000 factor=0.1

def study data aug {
  repeat seeds=0..9 {
    m = linear 3 1
    fit m data epochs=30 batch=32 optim=(adam lr=1e-2) sched=(steplr every=10 gamma=0.5) aug=aug
    record iid=(rmse m iid) ood=(rmse m ood) w3=m.weight[0, 2]
  }
}

base = study train nil
rand = study dr nil
augm = study train (noise x3 std=30)

b = summary base
print "baseline: OOD is several times worse than IID, and x3 carries weight"
print ((mean base.ood) > 3 * (mean base.iid))
print ((mean base.w3) > 0.1)
print "underspecification: across seeds, OOD spreads more than IID"
print ((std base.ood) > (std base.iid))
print "domain randomization and augmentation: x3 near zero, OOD close to IID"
print ((abs (mean rand.w3)) < 0.03)
print ((abs (mean augm.w3)) < 0.03)
print ((mean rand.ood) < 1.5 * (mean rand.iid))
print ((mean augm.ood) < 1.5 * (mean augm.iid))
print ((mean rand.ood) < (mean base.ood) / 2)

# expect: baseline: OOD is several times worse than IID, and x3 carries weight
# expect: true
# expect: true
# expect: underspecification: across seeds, OOD spreads more than IID
# expect: true
# expect: domain randomization and augmentation: x3 near zero, OOD close to IID
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
