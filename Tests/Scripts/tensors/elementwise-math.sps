t = tensor [1, 4, 9]
print (sum (sqrt t))  # expect: 6
print (abs (tensor [-1, 2]))[0]  # expect: 1
