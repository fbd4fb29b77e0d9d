print (argmax (tensor [3, 9, 2]))  # expect: 1
print (reshape (tensor [1, 2, 3, 4]) [2, 2]).shape  # expect: [2, 2]
