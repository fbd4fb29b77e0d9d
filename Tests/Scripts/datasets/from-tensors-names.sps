# names= must name every column of X, with names a dataset does not already use as members
X = tensor [[1, 10], [2, 20]]
print (dataset X [1, 2] names=[a])  # expect error: names= gives 1 names for the 2 columns of X (shape [2, 2])
