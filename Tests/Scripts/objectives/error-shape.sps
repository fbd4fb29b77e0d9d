seed 0
train = spurious n=100 factor=0.2
def per_row m b { ((m b.x) - b.y) ** 2 }
# expect error col 34: the objective per_row returned a tensor of shape [32]; it must return one number (reduce it with mean or sum)
l = loop (linear 3 1) train loss=per_row
step l
