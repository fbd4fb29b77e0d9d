def f a b { a - b }
print (f b=1 a=10)  # expect: 9
