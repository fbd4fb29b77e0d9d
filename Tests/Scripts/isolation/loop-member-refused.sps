seed 0
train = spurious n=100
l = loop (linear 3 1) train
t = repeat seeds=[0] { record s=l.step }  # expect error: a Loop made outside `repeat` cannot be shared by its runs
# expect: repeat: run with seed 0 failed: a Loop made outside `repeat` cannot be shared by its runs; create it inside the block (l = loop m train …)
