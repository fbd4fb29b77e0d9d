# per_env=true: each step draws a batch from every environment, and the objective gets the list of them, so a
# per-environment loss and a penalty across environments are one line each (V-REx: the variance of the losses).
seed 0
e0 = spurious n=300 factor=0.2
e1 = spurious n=100 factor=0.5
train = concat [e0, e1]
def vrex m bs {
  def env_loss b { mse (m b.x) b.y }
  losses = stack (map bs env_loss)
  (mean losses) + 10 * (var losses)
}
def look m bs {
  # expect: 2 16 16 0 1
  print (len bs) bs[0].n bs[1].n (max bs[0].env) (min bs[1].env)
  mse (m bs[0].x) bs[0].y
}
l = loop (linear 3 1) train loss=look per_env=true batch=16
step l
# An epoch visits the largest environment once: 300 rows in batches of 16 is 19 steps; the smaller one starts
# over when it runs out.
l = loop (linear 3 1) train loss=vrex per_env=true batch=16
run l epochs=2
# expect: 2 38
print l.epoch l.step
# expect: 2
print l.history.n
# expect: true
print (l.loss > 0)
