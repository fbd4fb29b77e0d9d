# Rows of a dataset, losses and metrics print in the shortest form of their Float32 value (at most 9 significant
# digits: at most 13 characters with sign, "0." and exponent, where 17 digits would take 19 or more), and read back
# as the same Float32.
def short x { (len (str x)) <= 13 }
seed 0
d = spurious n=10
r = d[0]
print (short r.x1) (short r.x3) (short r.y) (r.x1 == d.x1[0]) (r.x1 == d.X[0, 0])  # expect: true true true true true
m = linear 3 1
m.weight = [[0.1, 0.2, 0.3]]
m.bias = [0.5]
print (compare m truth=[1, 2, 0] bias=3)[0]  # expect: {param: "x1", truth: 1, learned: 0.1, difference: -0.9}
l = loop m d batch=10 eval=[d]
loss = step l
print (short loss) (loss == l.loss)  # expect: true true
run l epochs=1
h = l.history[0]
print (short h.train_loss) (short h.d_rmse) (short (rmse m d)) (short (mse m d)) (short (r2 m d))  # expect: true true true true true
print (short (describe d)[0].mean) (short (sensitivity m d x3))  # expect: true true
