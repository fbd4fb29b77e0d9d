a = 1; b = 2; print (a + b)  # expect: 3
print a; print b
# expect: 1
# expect: 2
