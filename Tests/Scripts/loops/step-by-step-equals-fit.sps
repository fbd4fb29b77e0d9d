# Stepping a loop by hand gives bit-identical weights to one fit with the same seed.
seed 3
train = spurious n=300
seed 5
a = mlp 3 [16] 1
l = loop a train batch=32 optim=(adam lr=1e-2) sched=(steplr every=2 gamma=0.5) aug=(noise x3 std=5)
step l 7
epoch l
run l epochs=3
seed 5
b = mlp 3 [16] 1
fit b train epochs=4 batch=32 optim=(adam lr=1e-2) sched=(steplr every=2 gamma=0.5) aug=(noise x3 std=5)
print (sum (a.layers[0].weight == b.layers[0].weight))
print (sum (a.layers[2].weight == b.layers[2].weight))
print l.epoch

# expect: 48
# expect: 16
# expect: 4
