# max of several values is for numbers; the elementwise larger of two tensors is maximum.
w = param (tensor [1, 2, 3])
print (max w (tensor [1]))  # expect error col 12: max of several values cannot be differentiated; for the elementwise larger of two tensors use maximum
