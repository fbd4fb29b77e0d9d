# m x carries gradients to the model's params: grad gives them as values (m.parameters order) and leaves .grad
# alone; backward adds them into .grad. For a linear model the gradient of the MSE is 2/n (p - y) x.
seed 0
m = linear 2 1
m.weight = [[1, -1]]
m.bias = [0.5]
x = tensor [[1, 2], [3, 4], [0, 1]]
y = tensor [1, 0, 2]
g = grad (mse (m x) y) m
# p = [-0.5, -0.5, -0.5]; p - y = [-1.5, -0.5, -2.5]; dW = 2/3 (p - y) x, db = 2/3 sum (p - y)
# expect: -2 -5 -3
print (round g[0][0, 0] digits=4) (round g[0][0, 1] digits=4) (round g[1][0] digits=4)
# expect: 0 0
print (sum m.parameters[0].grad) (sum m.parameters[1].grad)
backward (mse (m x) y)
backward (mse (m x) y)
# expect: -6
print (round (sum m.parameters[1].grad) digits=3)
zero_grad m
# expect: 0
print (sum m.parameters[1].grad)
# The gradient with respect to the input, through an MLP, matches finite differences.
net = mlp 2 [5] 1 act=tanh
xv = param (tensor [[0.3, -0.7]])
gx = grad (sum (net xv)) xv
h = 0.01
e0 = tensor [[h, 0]]
fd = ((net (xv.value + e0)) - (net (xv.value - e0))) / (2 * h)
# expect: true
print ((abs (gx[0, 0] - (detach fd)[0])) < 1e-3)
