# A joined value that is not a tensor is an error at that argument
x = tensor [1, 2, 3]
print (stack x "a")  # expect error col 16: stack: tensor 2 must be a tensor or a list of numbers, got string
