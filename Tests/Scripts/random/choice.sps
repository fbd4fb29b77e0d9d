# choice draws now with size=: with or without replacement, uniformly or with weights p=
seed 1
a = choice 10 size=10 replace=false
print (sum ((sort a) == (arange 10)))  # expect: 10
b = choice [1, 2, 3] size=200 p=[0, 1, 3]
print (sum (b == 1)) (sum (b > 1))  # expect: 0 200
c = choice [5, 6] size=4
print c.count (all ((c == 5) + (c == 6)))  # expect: 4 1
seed 1
print (sum ((choice 10 size=10 replace=false) == a))  # expect: 10
w = choice [7, 8] size=3 replace=false p=[1, 1]  # expect error: choice without replacement cannot draw 3 values from 2
