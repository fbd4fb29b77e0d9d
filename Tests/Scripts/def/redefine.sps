def f { 1 }
def f { 2 }
print (f())  # expect: 2
