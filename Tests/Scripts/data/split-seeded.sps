seed 3
d = spurious n=20
a = split d 0.5
seed 3
d = spurious n=20
b = split d 0.5
print (sum (a[0].y == b[0].y))  # expect: 10
