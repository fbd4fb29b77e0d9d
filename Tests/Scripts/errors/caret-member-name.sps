m = linear 3 1
m.wieght  # expect error col 3: Model has no member 'wieght'; did you mean 'weight'? (members: weight, bias, grad, layers, params, parameters, inputs, outputs)
