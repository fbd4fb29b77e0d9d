# Bad input: unknown member of model
# expect error: Model has no member 'wieght'; did you mean 'weight'?; members: weight, bias, grad, layers, params, inputs, outputs

m = linear 3 1
print m.wieght
