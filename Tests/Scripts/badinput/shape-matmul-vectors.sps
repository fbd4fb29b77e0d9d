# Bad input: shape matmul vectors

a = tensor [1, 2, 3]
b = tensor [1, 2]
# expect error: matrix product of [3] and [2]: inner sizes 3 and 2 differ
print (a @ b)
