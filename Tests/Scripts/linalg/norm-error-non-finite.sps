# linear algebra needs finite numbers: the error names the position of the first NaN or Inf
x = tensor [1, 0 / 0, 3]
print (norm x)  # expect error col 13: argument 'x' of norm has a non-finite value (nan) at [1]; linear algebra needs finite numbers
