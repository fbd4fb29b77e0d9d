# grad needs one number (a loss), unless seed= is given.
w = param (tensor [1, 2, 3])
print (grad w w seed=(tensor [1, 2, 3]))[2]  # expect: 3
print (grad (w * 2) w)  # expect error col 14: a gradient needs a single number (a loss); this value has shape [3]: reduce it with sum or mean first
