t = tensor [[1, 2], [3, 4]]
print (sum (t + 1)) (sum (t * t)) (sum (t - t))  # expect: 14 30 0
r = t + (tensor [10, 20])
print r[1, 1]  # expect: 24
