def f { sum = 10; sum }
print (f()) (sum [1, 2])  # expect: 10 3
