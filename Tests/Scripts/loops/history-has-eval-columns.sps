seed 0
train = spurious n=200
iid = spurious n=200
ood = spurious n=200 factor=0.1
l = loop (linear 3 1) train eval=[iid, ood] metric=[rmse, mae]
run l epochs=2
print l.history.columns
print (l.history.n)

# expect: ["epoch", "lr", "train_loss", "iid_rmse", "iid_mae", "ood_rmse", "ood_mae"]
# expect: 2
