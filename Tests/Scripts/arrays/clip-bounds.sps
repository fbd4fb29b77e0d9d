# clip's bounds must be in order
print (clip (tensor [1, 2]) 2 1)  # expect error: clip: low (2) must not exceed high (1)
