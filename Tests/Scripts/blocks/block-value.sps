b = { 1 + 2 }
print (b())  # expect: 3
print (type b)  # expect: block
