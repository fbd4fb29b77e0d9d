t = tensor [1, 2]
if t > 1 { }  # expect error: comparing tensors gives a tensor
