# m.grad of a deep model: a list of records of tensors, one entry per line, each tensor under its key.
seed 0
d = spurious n=64
m = mlp 3 [16] 1
l = loop m d batch=64
step l
g = m.grad
print (len g) (keys g[0]) g[0].weight.shape g[1].bias.shape  # expect: 2 ["weight", "bias"] [16, 3] [1]
text = str g
print text[0..<39]
# expect: [
# expect: {
# expect: weight: 16×3 Tensor{Float32}:
print ((len text) < 2000)  # expect: true
# A one-layer model's gradient is one record of small tensors, on one line.
m1 = linear 2 1
m1.weight = [[1, 2]]
m1.bias = [0]
d1 = scm n=4 target=y { x1 = normal 1 0; x2 = normal 1 0; y = normal 0 0 }
l1 = loop m1 d1 batch=4 optim=(sgd lr=0)
step l1
print m1.grad  # expect: {weight: tensor [[6, 6]], bias: tensor [6]}
