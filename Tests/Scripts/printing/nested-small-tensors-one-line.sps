# Small tensors inside a list or record print on one line, in constructor form.
m = linear 3 1
m.weight = [[0.5, -1.25, 3]]
m.bias = [2]
print {weight: m.weight, bias: m.bias}  # expect: {weight: tensor [[0.5000, -1.2500, 3.0000]], bias: tensor [2]}
print [tensor [1, 2, 3], tensor 2.5, "x"]  # expect: [tensor [1, 2, 3], tensor 2.5, "x"]
# At the top level a tensor still prints with its header and grid.
print m.bias
# expect: 1-element Tensor{Float32}:
# expect: 2
