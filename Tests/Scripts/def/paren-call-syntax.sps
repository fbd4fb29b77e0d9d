def add a b { a + b }
print (add(1, 2))  # expect: 3
print add(3, 4)  # expect: 7
