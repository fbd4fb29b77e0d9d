# Losses with PyTorch's semantics (mean reduction), on plain tensors and on tensors that carry gradients.
print (huber (tensor [0, 3]) (tensor [0.5, 0]))  # expect: 1.3125
p = param (tensor [0, 3])
g = grad (huber p (tensor [0.5, 0])) p
print g[0] g[1]  # expect: -0.25 0.5
# far inside delta, huber is half the squared error
print ((huber (tensor [1, 2]) (tensor [0, 0]) delta=100) * 2)  # expect: 2.5
# a column against a vector of the same length: element by element
print (huber (tensor [[0], [3]]) (tensor [0.5, 0]))  # expect: 1.3125

print (round (bce (tensor [0.9, 0.2]) (tensor [1, 0])) digits=4)  # expect: 0.1643
q = param (tensor [0.9, 0.2])
g = grad (bce q (tensor [1, 0])) q
print (round g[0] digits=4) (round g[1] digits=4)  # expect: -0.5556 0.625

print (round (bce_logits (tensor [2.2, -1.4]) (tensor [1, 0])) digits=4)  # expect: 0.1628
z = param (tensor [2.2, -1.4])
g = grad (bce_logits z (tensor [1, 0])) z
print (round g[0] digits=4) (round g[1] digits=4)  # expect: -0.0499 0.0989
# stable for large scores
print (bce_logits (tensor [100, -100]) (tensor [0, 1]))  # expect: 100

print (round (cross_entropy (tensor [[2, 0, -1], [0, 1, 0]]) (tensor [0, 1])) digits=4)  # expect: 0.3606
c = param (tensor [[2, 0, -1], [0, 1, 0]])
g = grad (cross_entropy c (tensor [0, 1])) c
print (round g[0, 0] digits=4) (round g[0, 1] digits=4) (round g[1, 1] digits=4)  # expect: -0.0781 0.0571 -0.2119
# soft labels: class probabilities of the logits' shape
print (round (cross_entropy (tensor [[0, 0]]) (tensor [[0.5, 0.5]])) digits=4)  # expect: 0.6931
print (cross_entropy (tensor [[1000, 0]]) (tensor [0]))  # expect: 0

# An objective written with tensor operations: weighted squared error.
w = param (tensor [1, -1])
x = tensor [[1, 2], [3, 4], [5, 6]]
y = tensor [0, 1, 2]
weights = tensor [1, 2, 1]
loss = (sum (weights * ((x @ w - y) ** 2))) / (sum weights)
print loss.value  # expect: 4.5
g = grad loss w
print g[0] g[1]  # expect: -14 -18
