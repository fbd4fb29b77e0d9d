# A column cannot be named like a member every dataset has
print (dataset (tensor [[1], [2]]) [1, 2] names=[n])  # expect error: 'n' cannot name a column: it is a member of every dataset
