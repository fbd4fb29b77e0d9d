t = tensor [1, 2]
print (sum (t + [10, 20]))  # expect: 33
