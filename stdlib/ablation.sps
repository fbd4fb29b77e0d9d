# ablation.sps — how much augmentation noise does it take? Noise scale on x3 vs the x3 weight and OOD RMSE.
seed 0
train = spurious n=3000 factor=0.2
iid   = spurious n=3000 factor=0.2
ood   = spurious n=3000 factor=0.1

abl = repeat seeds=0..4 sigma=[0, 3, 10, 30, 100] {
  m = linear 3 1
  fit m train epochs=10 batch=32 optim=(adam lr=1e-2) aug=(noise x3 std=sigma)
  record w3=m.weight[0, 2] iid=(rmse m iid) ood=(rmse m ood)
}
s = summary abl by=sigma
print s
say "More noise on x3 -> smaller x3 weight -> OOD error closer to IID error"
w = filter s column="w3"
o = filter s column="ood"
print (plot line {sigma: w.sigma, w3: w.mean} x=sigma y=[w3] title="x3 weight vs noise std")
print (plot line {sigma: o.sigma, ood: o.mean} x=sigma y=[ood] title="OOD RMSE vs noise std")
