# Bad input: unknown member of model

m = linear 3 1
# expect error: Model has no member 'wieght'; did you mean 'weight'? (members: weight, bias, grad, layers, params, parameters, inputs, outputs)
print m.wieght
