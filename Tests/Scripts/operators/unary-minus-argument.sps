print -1 2  # expect: -1 2
x = 5
print (x - 1) (x-1)  # expect: 4 4
