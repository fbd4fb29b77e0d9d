# A Loop made outside `repeat` holds one line of training (its position, optimizer state and model): parallel runs
# cannot share it, so every use inside a run is an error that says what to do. Never a crash, never a table that
# depends on how the threads interleaved (issue 14's reproducer).
seed 0
train = spurious n=200
m = linear 3 1
l = loop m train batch=32 optim=(adam lr=1e-3)
t = repeat seeds=0..1 { n = 1; record ok=n }
print t.n  # expect: 2
t = repeat seeds=0..7 { step l 5; record x=l.step }  # expect error: a Loop made outside `repeat` cannot be shared by its runs; create it inside the block
# expect: repeat: run with seed 0 failed: a Loop made outside `repeat` cannot be shared by its runs; create it inside the block (l = loop m train …)
# expect: repeat: run with seed 1 failed: a Loop made outside `repeat` cannot be shared by its runs; create it inside the block (l = loop m train …)
# expect: repeat: run with seed 2 failed: a Loop made outside `repeat` cannot be shared by its runs; create it inside the block (l = loop m train …)
# expect: repeat: run with seed 3 failed: a Loop made outside `repeat` cannot be shared by its runs; create it inside the block (l = loop m train …)
# expect: repeat: run with seed 4 failed: a Loop made outside `repeat` cannot be shared by its runs; create it inside the block (l = loop m train …)
# expect: repeat: run with seed 5 failed: a Loop made outside `repeat` cannot be shared by its runs; create it inside the block (l = loop m train …)
# expect: repeat: run with seed 6 failed: a Loop made outside `repeat` cannot be shared by its runs; create it inside the block (l = loop m train …)
# expect: repeat: run with seed 7 failed: a Loop made outside `repeat` cannot be shared by its runs; create it inside the block (l = loop m train …)
