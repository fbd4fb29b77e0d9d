d = scm n=5 target=y { x = normal 0 1; y = 2 * x }
print d.n d.features (sum (d.y == 2 * d.x))  # expect: 5 ["x"] 5
