# An objective may take the loop as a third parameter: l.step is the number of steps taken before this one, and
# reset_optim l starts the optimizer afresh (IRM's reference code does this when its penalty weight jumps).
seed 0
train = spurious n=200 factor=0.2
steps = []
def obj m b l {
  steps = append steps l.step
  mse (m b.x) b.y
}
l = loop (linear 3 1) train batch=50 loss=obj
run l epochs=1
# expect: [0, 1, 2, 3]
print steps
# Resetting Adam at every step makes each step a first step: the same update as a fresh optimizer on that batch.
seed 1
a = linear 3 1
b = copy a
def fresh m b l {
  reset_optim l
  mse (m b.x) b.y
}
la = loop a train batch=200 shuffle=false loss=fresh optim=(adam lr=0.1)
run la epochs=3
# Three first steps of Adam: each moves every weight by lr (its bias-corrected step is ±lr), so 0.3 in all.
# expect: true
print ((max (abs (abs (a.weight - b.weight) - 0.3))) < 1e-5)
# expect error col 13: argument 'loop' of reset_optim must be a Loop, got number 3
reset_optim 3
