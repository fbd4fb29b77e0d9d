# Elementwise math on tensors that carry gradients, with PyTorch's conventions at kinks.
x = param (tensor [-1, 0, 2])
g = grad (sum (relu x)) x
print g[0] g[1] g[2]  # expect: 0 0 1
g = grad (sum (abs x)) x
print g[0] g[1] g[2]  # expect: -1 0 1
# clip passes the gradient inside [low, high], both ends included
g = grad (sum (clip x 0 2)) x
print g[0] g[1] g[2]  # expect: 0 1 1
g = grad (sum (leaky_relu x slope=0.5)) x
print g[0] g[1] g[2]  # expect: 0.5 0.5 1
# floor, ceil, round and sign are flat: zero gradient
g = grad (sum (floor x + ceil x + round x + sign x)) x
print g[0] g[1] g[2]  # expect: 0 0 0

e = param (tensor [0, 1])
g = grad (sum (exp e)) e
print g[0] (round g[1] digits=4)  # expect: 1 2.7183
g = grad (sum (tanh e + sigmoid e)) e
print g[0] (round g[1] digits=4)  # expect: 1.25 0.6166
g = grad (sum (sin e * cos e)) e
print g[0] (round g[1] digits=4)  # expect: 1 -0.4161
g = grad (sum (softplus e)) e
print g[0]  # expect: 0.5
q = param (tensor [1, 4])
g = grad (sum (log q + sqrt q)) q
print g[0] g[1]  # expect: 1.5 0.5

# minimum and maximum: the chosen side gets the gradient; equal sides share it.
m = param (tensor [1, 5])
g = grad (sum (maximum m 3 + minimum m 3)) m
print g[0] g[1]  # expect: 1 1
g = grad (sum (maximum m 5)) m
print g[0] g[1]  # expect: 0 0.5
g = grad (sum (where (m > 2) (m * 10) m)) m
print g[0] g[1]  # expect: 1 10

# softmax and log_softmax (along the last axis by default)
v = param (tensor [1, 2, 3])
g = grad (sum ((softmax v) * (tensor [1, 0, 0]))) v
print (round g[0] digits=4) (round g[1] digits=4) (round g[2] digits=4)  # expect: 0.0819 -0.022 -0.0599
g = grad (sum (log_softmax v)) v
print (round g[0] digits=4) (round g[1] digits=4) (round g[2] digits=4)  # expect: 0.7299 0.2658 -0.9957

# The same commands on plain tensors and numbers give plain results.
print (softmax (tensor [[0, 0], [1, 1]]))[1, 0] (round (logsumexp (tensor [0, 0])) digits=4)  # expect: 0.5 0.6931
print (softplus 0) (leaky_relu -2) (relu -2)  # expect: 0.6931471805599453 -0.02 0
print (sum (softmax (tensor [[1, 2], [3, 4]]) axis=0) axis=0)[1]  # expect: 1
