# Placing side by side needs equal row counts; the error names both shapes
x = tensor [1, 2, 3]
print (hstack x (tensor [1, 2]))  # expect error col 18: hstack: cannot place tensor 2 of shape [2] beside tensor 1 of shape [3]: 2 rows, not 3
