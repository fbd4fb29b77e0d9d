print (true and false) (true or false) (not true)  # expect: false true false
print (1 < 2 and 2 < 3)  # expect: true
print (not 1 > 2)  # expect: true
