# Datasets, tables, optimizers, schedules, augmentations and distributions made outside `repeat` are immutable:
# every run uses them, and the table is the same on one core and on two.
seed 0
train = spurious n=300
test = spurious n=300 factor=0.1
opt = adam lr=1e-2
sched = steplr every=1 gamma=0.5
aug = noise x3 std=3
d = normal 0 1
base = repeat seeds=0..2 { record a=1 }
def study threads {
  repeat seeds=0..5 threads=threads {
    m = linear 3 1
    fit m train epochs=2 optim=opt sched=sched aug=aug
    record ood=(rmse m test) draw=(sum (d 3)) runs=base.n
  }
}
one = study 1
two = study 2
print (sum (one.ood == two.ood)) (sum (one.draw == two.draw)) (sum (one.runs == two.runs))  # expect: 6 6 6
print ((sum (one.ood == one.ood[0])) < 6)  # expect: true
