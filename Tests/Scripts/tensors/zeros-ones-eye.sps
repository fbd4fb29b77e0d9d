print (zeros 2 3).shape (ones [4]).shape  # expect: [2, 3] [4]
print (sum (eye 3)) (sum (ones 2 2))  # expect: 3 4
