# unique has no gradient: it refuses a tensor that carries gradients.
w = param (tensor [1, 2, 2])
print (argmax w) (any (w > 1))  # expect: 1 1
print (unique w)  # expect error col 15: argument 'values' of unique carries gradients
