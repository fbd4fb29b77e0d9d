# An error in the condition block of until (a prelude command) points into the block.
seed 0
train = spurious n=200
l = loop (linear 3 1) train batch=50
print (until l { l.epoch >= 1 })  # expect: 1
until l {
  l.epoch >= limit  # expect error: unknown name 'limit'
}
