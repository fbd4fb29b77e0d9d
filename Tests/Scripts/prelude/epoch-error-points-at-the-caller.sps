# epoch is written in sps (stdlib/prelude.sps); its errors point at the line that called it, as a native
# command's do.
seed 0
train = spurious n=200
l = loop (linear 3 1) train batch=50
epoch l 2
print l.epoch l.step  # expect: 2 8
def twice loop {
  epoch loop
  epoch loop -1  # expect error: n must be >= 0, got -1
}
twice l
