# Bad input: shape matmul vectors
# expect error: matrix product of [3] and [2]: inner sizes 3 and 2 differ

a = tensor [1, 2, 3]
b = tensor [1, 2]
print (a @ b)
