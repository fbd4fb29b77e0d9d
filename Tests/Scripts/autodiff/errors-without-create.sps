# A gradient computed without create=true carries no gradients: a penalty built from it cannot be differentiated.
s = param 1.0
g = grad (mean ((s * (tensor [1, 2]) - (tensor [2, 4])) ** 2)) s
print g  # expect: -5
print (grad (g ** 2) s)  # expect error col 14: grad needs a value computed from params, got a tensor that does not carry gradients
