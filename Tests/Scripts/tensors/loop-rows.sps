for row in tensor [[1, 2], [3, 4]] { print (sum row) }
# expect: 3
# expect: 7
