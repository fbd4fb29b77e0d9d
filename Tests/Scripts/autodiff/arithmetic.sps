# Arithmetic with broadcasting in both operands, the matrix product, powers, and a repeated input.
w = param (tensor [1, 2, 3])
b = param (tensor [[0.5], [-1]])
# y = sum over i, j of (w_j b_i + w_j / 2 - b_i): dy/dw_j = sum b + 1 = 0.5, dy/db_i = sum w - 3 = 3
g = grad (sum (w * b + w / 2 - b)) [w, b]
print g[0][0] g[0][1] g[0][2]  # expect: 0.5 0.5 0.5
print g[1].shape g[1][0, 0] g[1][1, 0]  # expect: [2, 1] 3 3

# A repeated input: d(w³)/dw = 3w²; 1/w gives -1/w².
g = grad (sum (w * w * w)) w
print g[0] g[1] g[2]  # expect: 3 12 27
g = grad (sum (1 / w)) w
print g[0] g[1] (round g[2] digits=4)  # expect: -1 -0.25 -0.1111

# The matrix product: y = |a x|², dy/da = 2 (a x) xᵀ.
a = param (tensor [[1, 2], [3, 4]])
x = tensor [1, -1]
ga = grad (sum ((a @ x) ** 2)) a
print ga[0, 0] ga[0, 1] ga[1, 0] ga[1, 1]  # expect: -2 2 -2 2

# A tracked exponent: d/ds sum(x^s) = sum(x^s log x) = 4 log 2 + 9 log 3 at s = 2.
s = param 2.0
print (round (grad (sum ((tensor [1, 2, 3]) ** s)) s) digits=4)  # expect: 12.6601
print (pow (tensor [1, 2, 3]) s).value[2]  # expect: 9

# backward adds into .grad until zero_grad.
backward (sum (w * 2))
backward (sum (w * 2))
print w.grad[0] w.grad[2]  # expect: 4 4
zero_grad w
print w.grad[1]  # expect: 0
