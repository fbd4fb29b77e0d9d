seed 1
a = randn 3 2
seed 1
b = randn 3 2
print a.shape (a == b).shape (sum (a == b))  # expect: [3, 2] [3, 2] 6
