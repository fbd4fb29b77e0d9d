# concat's axis must exist in the tensors
x = tensor [1, 2, 3]
print (concat x x axis=1)  # expect error: concat: axis 1 is out of range for a tensor of rank 1
