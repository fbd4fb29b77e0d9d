# det: a vector is not a matrix; the error names its shape and points at it
v = tensor [1, 2, 3]
print (det v)  # expect error col 12: argument 'a' of det must be a matrix (a 2-D tensor), got shape [3]
