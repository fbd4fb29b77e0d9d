# axis= is checked against the tensor.
w = param (tensor [1, 2, 3])
print (softmax w axis=1)  # expect error col 23: axis 1 is out of range for a tensor of shape [3] (rank 1)
