t = tensor [[1, 2], [3, 4]]
print (sum t) (mean t) (max t) (min t)  # expect: 10 2.5 4 1
print (sum t axis=0).shape  # expect: [2]
print (sum t axis=1)[1]  # expect: 7
