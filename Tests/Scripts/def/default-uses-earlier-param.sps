def f a b=(a * 2) { a + b }
print (f 3)  # expect: 9
