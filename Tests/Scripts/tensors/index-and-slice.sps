t = tensor [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print t[1, 2] t[-1, 0]  # expect: 6 7
print t[0..<2, 1].shape  # expect: [2]
print (sum t[0..<2, 1])  # expect: 7
print t[1].shape (sum t[1])  # expect: [3] 15
print t[1..2, 0..<2].shape  # expect: [2, 2]
