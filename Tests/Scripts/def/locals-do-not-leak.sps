def f { tmp = 5; tmp }
print (f())  # expect: 5
print (type f)  # expect: def
