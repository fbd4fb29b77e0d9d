seed 0
train = spurious n=100 factor=0.2
def one_arg m { 0 }
# expect error col 34: the objective takes 1 arguments; it must take the model and the batch, and may take the loop (def obj m b { mse (m b.x) b.y }, or { m b l -> … })
l = loop (linear 3 1) train loss=one_arg
