seed 0
m = linear 3 1
l = loop m (spurious n=64) batch=32
run l epochs=2
save l.history "/tmp/sps-golden-csv-history.csv"
h = csv "/tmp/sps-golden-csv-history.csv" target=train_loss
print h.n h.features h.target  # expect: 2 ["epoch", "lr"] train_loss
