x1 = 1; x_2 = 2; _x = 3
print (x1 + x_2 + _x)  # expect: 6
