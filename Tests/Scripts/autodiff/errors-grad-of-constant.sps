# grad of a value computed without params.
w = param (tensor [1, 2, 3])
print (grad (sum (tensor [1, 2])) w)  # expect error col 14: grad needs a value computed from params, got a number that does not carry gradients
