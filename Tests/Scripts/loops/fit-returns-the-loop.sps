seed 0
l = fit (linear 3 1) (spurious n=100) epochs=3 loss=huber
print l.epoch
print (type l)
print (l.loss > 0)

# expect: 3
# expect: Loop
# expect: true
