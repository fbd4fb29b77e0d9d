print 3.0  # expect: 3
print (10 / 2)  # expect: 5
print (7 / 2)  # expect: 3.5
print -0.0  # expect: 0
