# Joining tensors of shapes that do not fit: the caret is at the first one that does not fit.
w = param (tensor [1, 2, 3])
print (stack w (tensor [1, 2]))  # expect error col 17: stack: cannot stack tensor 2 of shape [2] with tensor 1 of shape [3]: shapes must be equal
