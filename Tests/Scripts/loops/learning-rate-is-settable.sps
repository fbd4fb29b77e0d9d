seed 0
train = spurious n=64
l = loop (linear 3 1) train optim=(sgd lr=0.01) sched=(steplr every=1 gamma=0.5)
print l.lr
epoch l
print l.lr
l.lr = 0.2
print l.lr
epoch l
print l.lr
print l.history.lr

# expect: 0.01
# expect: 0.005
# expect: 0.2
# expect: 0.1
# expect: 2-element Tensor{Float32}:
# expect:  0.0100  0.2000
