seed 0
m = linear 3 1
train = spurious n=64
ood = spurious n=64 factor=0.1
l = loop m train batch=32 eval=[ood]
run l epochs=3
p = plot line l.history y=[train_loss, ood_rmse]
print p.kind p.series  # expect: line ["train_loss", "ood_rmse"]
q = plot line l.history
print q.series  # expect: ["train_loss", "ood_rmse"]
