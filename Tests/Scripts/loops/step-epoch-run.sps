seed 0
train = spurious n=100
m = linear 3 1
l = loop m train batch=32
step l
print l.step
print l.epoch
step l 2
print l.step
epoch l
print l.step
print l.epoch
run l epochs=2
print l.epoch
print l.step
print (l.history.n)
print l.history.columns

# expect: 1
# expect: 0
# expect: 3
# expect: 4
# expect: 1
# expect: 3
# expect: 12
# expect: 3
# expect: ["epoch", "lr", "train_loss"]
