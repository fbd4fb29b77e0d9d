# the optimizers are Adam and plain SGD
d = iut 2 n=20
fit_linear (linear 10 1) d.train optim=(sgd lr=0.1 momentum=0.9)  # expect error col 41: fit_linear takes adam or sgd without momentum, got sgd lr=0.1 momentum=0.9
