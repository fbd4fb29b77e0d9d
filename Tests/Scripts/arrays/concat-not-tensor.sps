# concat of tensors: an argument that is not a tensor is an error at that argument, naming its type
x = tensor [1, 2, 3]
print (concat x "a")  # expect error col 17: concat: argument 2 is a string, not a tensor like argument 1
