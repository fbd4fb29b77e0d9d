b = { return 5; 6 }
print (b())  # expect: 5
