x = 5
d = scm n=10 target=y { x = normal 0 1; y = x * 2 }
print x d.features (sum (d.y == 2 * d.x))  # expect: 5 ["x"] 10
