f = sqrt
print (f 16) (type f)  # expect: 4 command
