# Each repeat run trains its own copy of a model written in sps (and of the params it reads by name); the session's
# model is untouched, and the runs agree whether they run on one thread or several.
seed 0
train = spurious n=300 factor=0.2
W = param [1, 3]
b = param [1] fan_in=3
def lin x { x @ W.T + b }
m = model lin params=[W, b]
start = detach W
one = repeat seeds=0..3 threads=1 {
  fit m train epochs=2 optim=(adam lr=0.05)
  record r=(rmse m train) w=(detach W)[0, 0]
}
many = repeat seeds=0..3 threads=2 {
  fit m train epochs=2 optim=(adam lr=0.05)
  record r=(rmse m train) w=(detach W)[0, 0]
}
# expect: 0 0
print (max (abs ((detach W) - start))) (sum (abs (one.r - many.r)))
# In a run, W is the model's own param: reading it by name shows the trained value.
# expect: true
print ((one.w[0] - start[0, 0]) != 0)
