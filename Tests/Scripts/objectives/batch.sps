# A batch has the rows (after augmentation), the targets, the row count and, when the data has them, the
# environment of each row; `m b` applies the model to its rows.
seed 0
train = concat [(spurious n=40 factor=0.2), (spurious n=40 factor=0.5)]
def show m b {
  # expect: [32, 3] [32] 32 true true
  print b.x.shape b.y.shape b.n ((min b.env) >= 0) ((max b.env) <= 1)
  mse (m b) b.y
}
l = loop (linear 3 1) train loss=show batch=32
step l
def plain m b {
  # expect error: this batch has no environment tags
  b.env
}
l2 = loop (linear 3 1) (spurious n=40) loss=plain
step l2
