# The matrix norms made of singular values cannot be differentiated; the others can.
m = param (tensor [[1, -2], [3, 4]])
print (norm m ord=1).value (norm m ord="inf").value  # expect: 6 7
print (norm m ord=2)  # expect error col 19: norm ord=2 of a matrix (from its singular values) cannot be differentiated; use ord="fro", or detach x
