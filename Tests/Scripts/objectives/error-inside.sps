# An error inside the objective is reported where it happens, and the loop stays where it was.
seed 0
train = spurious n=100 factor=0.2
def broken m b {
  # expect error: Batch has no member 'z'
  mse (m b.z) b.y
}
l = loop (linear 3 1) train loss=broken
step l
