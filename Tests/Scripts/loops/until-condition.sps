seed 0
train = spurious n=200
l = loop (linear 3 1) train optim=(adam lr=0.1)
e = until l { l.epoch >= 3 }
print e
until l max=2 { false }  # expect error: until: the condition was still false after 2 epochs (raise max=)

# expect: 3
