def f x { x * 10 }
print (f 2 + 1)  # expect: 21
y = f 2 * 3
print y  # expect: 60
