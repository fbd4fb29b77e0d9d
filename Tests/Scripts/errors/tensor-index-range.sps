t = zeros 2 2
print t[2, 0]  # expect error: index 2 is out of range for axis 0 of size 2
