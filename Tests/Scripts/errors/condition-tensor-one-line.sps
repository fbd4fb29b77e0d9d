xs = tensor [[1, 2], [3, 4]]
# a tensor in a message is named by its shape, on one line
if xs { print 1 }  # expect error col 4: a condition must be true or false, got tensor of shape [2, 2]
