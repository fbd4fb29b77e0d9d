# Reductions with axis=, and how their gradients are shared.
x = param (tensor [[1, 2, 3], [4, 5, 7]])
g = grad (sum (mean x axis=0)) x
print g[0, 0] g[1, 2]  # expect: 0.5 0.5
# var along rows (ddof=1): the gradient is 2 (x - mean) / (n - 1)
g = grad (sum (var x axis=1)) x
print g[0, 0] g[0, 1] g[0, 2] (round g[1, 0] digits=4) (round g[1, 2] digits=4)  # expect: -1 0 1 -1.3333 1.6667
g = grad (std x ddof=0) x
print (round g[0, 0] digits=4) (round g[1, 2] digits=4)  # expect: -0.2254 0.2817
print (round (std (detach x) ddof=0) digits=4)  # expect: 1.972

# prod: the product of the others, also where an element is 0.
p = param (tensor [2, 0, 3])
g = grad (prod p) p
print g[0] g[1] g[2]  # expect: 0 6 0
g = grad (sum (prod x axis=1)) x
print g[0, 0] g[0, 2] g[1, 1]  # expect: 6 2 28

# max over all elements shares the gradient between ties (PyTorch's max(x)); along an axis the first gets it.
t = param (tensor [[1, 3], [3, 2]])
g = grad (max t) t
print g[0, 1] g[1, 0] g[0, 0]  # expect: 0.5 0.5 0
g = grad (sum (max t axis=0)) t
print g[0, 0] g[1, 0] g[0, 1] g[1, 1]  # expect: 0 1 1 0
g = grad (sum (min t axis=1)) t
print g[0, 0] g[1, 1]  # expect: 1 1

# logsumexp: its gradient is the softmax.
v = param (tensor [1, 2, 3])
g = grad (logsumexp v) v
print (round g[0] digits=4) (round g[1] digits=4) (round g[2] digits=4)  # expect: 0.09 0.2447 0.6652
print (round (logsumexp (tensor [1000, 1000])) digits=3)  # expect: 1000.693

# Scans and sorting.
g = grad (sum (cumsum v)) v
print g[0] g[1] g[2]  # expect: 3 2 1
g = grad (sum (cumprod v)) v
print g[0] g[1] g[2]  # expect: 9 4 2
w = param (tensor [3, 1, 2])
g = grad (sum ((sort w) * (tensor [1, 10, 100]))) w
print g[0] g[1] g[2]  # expect: 100 1 10

# norm: x / |x|; 0 at 0.
n = param (tensor [3, 4])
g = grad (norm n) n
print g[0] g[1]  # expect: 0.6 0.8
g = grad (norm n ord=1) n
print g[0] g[1]  # expect: 1 1
z = param (tensor [0, 0])
g = grad (norm z) z
print g[0] g[1]  # expect: 0 0
