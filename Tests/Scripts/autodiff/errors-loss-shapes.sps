# A loss of a prediction and a target of different sizes.
w = param (tensor [1, 2, 3])
print (huber w (tensor [1, 2]))  # expect error col 17: huber: the prediction has shape [3] and the target [2]; they need the same number of elements
