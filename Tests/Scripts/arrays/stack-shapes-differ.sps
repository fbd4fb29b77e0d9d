# Stacking needs equal shapes; the error names both
x = tensor [1, 2, 3]
print (stack x (tensor [1, 2]))  # expect error col 17: stack: cannot stack tensor 2 of shape [2] with tensor 1 of shape [3]: shapes must be equal
