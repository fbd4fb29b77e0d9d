seed 0
train = spurious n=100 factor=0.2
# expect error: unknown loss 'mes' (use mse, l1 or huber); did you mean 'mse'? (or an objective written in sps: def obj m b { … }, then loss=obj)
l = loop (linear 3 1) train loss=mes
