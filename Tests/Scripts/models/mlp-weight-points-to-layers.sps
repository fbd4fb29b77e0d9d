m = mlp 3 [8] 1
print m.weight  # expect error: this model has 2 linear layers; use m.layers[i].weight (layers: 3)
