seed 4
a = scm n=50 target=y { x = normal 0 1; y = x + randn 50 }
seed 4
b = scm n=50 target=y { x = normal 0 1; y = x + randn 50 }
print (sum (a.y == b.y))  # expect: 50
