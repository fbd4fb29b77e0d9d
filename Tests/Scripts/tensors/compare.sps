t = tensor [1, 5, 3]
print (sum (t > 2))  # expect: 2
