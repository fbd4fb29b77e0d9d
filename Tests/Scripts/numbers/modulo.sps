print (7 % 3)  # expect: 1
print (-7 % 3)  # expect: 2
print (7 % -3)  # expect: -2
print (5.5 % 2)  # expect: 1.5
