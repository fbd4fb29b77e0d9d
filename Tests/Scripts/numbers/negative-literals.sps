x = -5
print x  # expect: -5
print (abs -5)  # expect: 5
print (- x)  # expect: 5
