# Gradients of gradients (create=true): Hessians, gradient penalties, per-environment penalties.
w = param (tensor [1, 2])
g = grad (sum (w ** 3)) w create=true
print g.value[0] g.value[1]  # expect: 3 12
h = grad (sum g) w
print h[0] h[1]  # expect: 6 12

# The gradient of a loss with respect to a scale, squared, as a penalty: d/ds (dL/ds)² = 2 (dL/ds) d²L/ds².
s = param 1.0
xs = tensor [1, 2, 3]
ys = tensor [2, 4.5, 5.5]
gs = grad (mean ((s * xs - ys) ** 2)) s create=true
print gs.value  # expect: -9
print (grad (gs ** 2) s)  # expect: -168

# Second order through softmax: the gradient of logsumexp is the softmax.
v = param (tensor [1, 2, 3])
p = grad (logsumexp v) v create=true
g2 = grad (sum (p * p)) v
print (round g2[0] digits=4) (round g2[1] digits=4) (round g2[2] digits=4)  # expect: -0.0757 -0.1301 0.2058

# The variance of per-environment gradients (IRM-style penalty): envs (x, y) = ([1, 2], [2, 4]) and ([3, 1], [3, 3]).
g1 = grad (mean ((s * (tensor [1, 2]) - (tensor [2, 4])) ** 2)) s create=true
g2 = grad (mean ((s * (tensor [3, 1]) - (tensor [3, 3])) ** 2)) s create=true
print g1.value g2.value  # expect: -5 -2
penalty = var (stack g1 g2)
print penalty.value  # expect: 4.5
print (grad penalty s)  # expect: 15
